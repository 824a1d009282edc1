namespace Kitt.Dashboard.Data;

/// <summary>How long stored history is kept, under <c>History:*</c>.</summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary>Days of per-minute container usage.</summary>
    public int ContainerDays { get; set; } = 7;

    /// <summary>Days of session events.</summary>
    public int SessionDays { get; set; } = 30;
}
