using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Data;

/// <summary>How long stored history is kept, under <c>History:*</c>.</summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary>Days of per-minute container usage.</summary>
    [Range(1, 3650)]
    public int ContainerDays { get; set; } = 7;

    /// <summary>Days of session events.</summary>
    [Range(1, 3650)]
    public int SessionDays { get; set; } = 30;

    /// <summary>Days sent outbox events and remembered consumed event ids are kept (for tracing and duplicate checks).</summary>
    [Range(1, 3650)]
    public int EventDays { get; set; } = 7;

    /// <summary>Days resolved alerts stay in the database before they move to the archive.</summary>
    [Range(1, 3650)]
    public int AlertDays { get; set; } = 90;

    /// <summary>Where archived alerts are written, as gzip JSON lines (relative to the working directory).</summary>
    [Required]
    public string AlertArchiveFolder { get; set; } = "data/archive";
}
