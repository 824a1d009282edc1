using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Kitt.Dashboard.Data;

/// <summary>SQL helpers usable inside LINQ queries on <see cref="KittDbContext"/>.</summary>
public static class StoreFunctions
{
    /// <summary>
    /// The UTC ticks a date is stored as, so a query can do arithmetic on it (bucketing by time) in SQL.
    /// Only meaningful inside a query.
    /// </summary>
    public static long Ticks(DateTimeOffset at) => at.UtcTicks;

    internal static void Register(ModelBuilder modelBuilder) =>
        modelBuilder.HasDbFunction(typeof(StoreFunctions).GetMethod(nameof(Ticks))!)
            .HasTranslation(args => new SqlUnaryExpression(ExpressionType.Convert, (SqlExpression)args[0], typeof(long), null));
}
