namespace Kitt.Dashboard.Components.Shell;

/// <summary>A keyboard shortcut: the keys as the browser module matches them, and what it does.</summary>
/// <param name="Keys">One key (<c>?</c>) or a two-key sequence separated by a space (<c>g c</c>).</param>
public sealed record Shortcut(string Keys, string Description, string? Href = null);

/// <summary>The one list of shortcuts: the browser module listens for exactly these, the help dialog shows them.</summary>
public static class Shortcuts
{
    public const string Help = "?";
    public const string ToggleTheme = "t";
    public const string Close = "Escape";

    public static readonly IReadOnlyList<Shortcut> All =
    [
        new(Help, "Show keyboard shortcuts"),
        new(ToggleTheme, "Switch between dark and light theme"),
        new(Close, "Close this dialog"),
        new("g o", "Go to Overview", ""),
        new("g c", "Go to Containers", "containers"),
        new("g s", "Go to Sessions", "sessions"),
        new("g a", "Go to Alerts", "alerts"),
        new("g p", "Go to Shipments", "shipments"),
    ];

    public static Shortcut? Find(string keys) => All.FirstOrDefault(s => s.Keys == keys);
}
