namespace Kitt.Dashboard.Components.Shell;

/// <summary>A keyboard shortcut: the keys as the browser module matches them, and what it does.</summary>
/// <param name="Keys">One key (<c>?</c>) or a two-key sequence separated by a space (<c>g c</c>).</param>
/// <param name="Group">The heading it is listed under in the help dialog.</param>
/// <param name="InBrowser">Handled by a browser module of the page (the 3D view) and never sent to the server: the
/// keyboard module hands it over as a <c>kitt-shortcut</c> DOM event.</param>
public sealed record Shortcut(string Keys, string Description, string? Href = null, string Group = Shortcuts.General, bool InBrowser = false);

/// <summary>The one list of shortcuts: the browser module listens for exactly these, the help dialog shows them.</summary>
public static class Shortcuts
{
    public const string General = "General";
    public const string ShipmentsGroup = "Shipments";
    public const string ViewerGroup = "3D view";

    public const string Help = "?";
    public const string ToggleTheme = "t";
    public const string Close = "Escape";
    public const string Alerts = "b";
    public const string Next = "j";
    public const string Previous = "k";
    public const string Open = "Enter";
    public const string NewShipment = "n";
    public const string Pack = "p";
    public const string NextContainer = "x";

    public static readonly IReadOnlyList<Shortcut> All =
    [
        new(Help, "Show keyboard shortcuts"),
        new(ToggleTheme, "Switch between dark and light theme"),
        new(Close, "Close this dialog"),
        new(Alerts, "Open or close the alerts sidebar"),
        new("g o", "Go to Overview", ""),
        new("g c", "Go to Containers", "containers"),
        new("g s", "Go to Sessions", "sessions"),
        new("g a", "Go to Alerts", "alerts"),
        new("g p", "Go to Shipments", "shipments"),
        new(Next, "Next shipment in the list", Group: ShipmentsGroup),
        new(Previous, "Previous shipment in the list", Group: ShipmentsGroup),
        new(Open, "Open the selected shipment", Group: ShipmentsGroup),
        new(NewShipment, "New shipment", Group: ShipmentsGroup),
        new(Pack, "Pack the shipment shown (again)", Group: ShipmentsGroup),
        new(NextContainer, "Show the plan's next container", Group: ShipmentsGroup),
        new("ArrowLeft", "Rotate left", Group: ViewerGroup, InBrowser: true),
        new("ArrowRight", "Rotate right", Group: ViewerGroup, InBrowser: true),
        new("ArrowUp", "Tilt up", Group: ViewerGroup, InBrowser: true),
        new("ArrowDown", "Tilt down", Group: ViewerGroup, InBrowser: true),
        new("+", "Zoom in", Group: ViewerGroup, InBrowser: true),
        new("-", "Zoom out", Group: ViewerGroup, InBrowser: true),
        new("1", "Front view", Group: ViewerGroup, InBrowser: true),
        new("2", "Side view", Group: ViewerGroup, InBrowser: true),
        new("3", "Top view", Group: ViewerGroup, InBrowser: true),
        new("0", "Isometric view", Group: ViewerGroup, InBrowser: true),
        new("[", "Previous loading step", Group: ViewerGroup, InBrowser: true),
        new("]", "Next loading step", Group: ViewerGroup, InBrowser: true),
        new("{", "Previous single box", Group: ViewerGroup, InBrowser: true),
        new("}", "Next single box", Group: ViewerGroup, InBrowser: true),
        new("Space", "Play or pause the loading steps", Group: ViewerGroup, InBrowser: true),
        new("c", "Cycle colouring: SKU, stop, weight, fragility", Group: ViewerGroup, InBrowser: true),
        new("Tab", "Next item (Shift+Tab: previous) while the view has focus", Group: ViewerGroup, InBrowser: true),
    ];

    public static Shortcut? Find(string keys) => All.FirstOrDefault(s => s.Keys == keys);

    /// <summary>How a key is printed on a key cap in the help dialog.</summary>
    public static string Cap(string key) => key switch
    {
        "ArrowLeft" => "←",
        "ArrowRight" => "→",
        "ArrowUp" => "↑",
        "ArrowDown" => "↓",
        "Escape" => "Esc",
        "{" => "Shift+[",
        "}" => "Shift+]",
        _ => key,
    };
}
