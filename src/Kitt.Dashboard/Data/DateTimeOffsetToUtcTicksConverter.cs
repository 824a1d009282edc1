using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kitt.Dashboard.Data;

internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
