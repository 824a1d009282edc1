using Kitt.Dashboard.Equipment;
using Kitt.Dashboard.Items;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Kitt.Dashboard.Shipments;

public partial class NewShipmentPage
{
    /// <summary>Longer item lists are shown as a count: thousands of inputs would make the page sluggish.</summary>
    public const int EditableRows = 60;


    private readonly ShipmentRequest model = new() { Priority = ShipmentPriority.Normal };
    /// <summary>The choice for sizes typed in, which name no equipment.</summary>
    private const string Custom = "";

    // One container of the default kind, as a shipment had before it could have several.
    private readonly List<ContainerRow> containers = [ContainerRow.Of(StandardEquipment.Default, count: 1)];
    private IReadOnlyList<EquipmentType> equipment = StandardEquipment.All;
    private List<ItemInput> items = [new()];
    private string? importText;
    private IReadOnlyList<string> importErrors = [];
    private List<(string Field, string Message)> problems = [];
    private MudForm form = default!;
    private bool saving;

    [Inject]
    private ShipmentStore Store { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private EquipmentLibrary Library { get; set; } = default!;

    [Inject]
    private ItemLibrary Items { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    // The item library by SKU in upper case, and the lines it filled in (a new SKU there fills them again).
    private Dictionary<string, LibraryItemView> library = [];
    private readonly HashSet<ItemInput> filled = [];

    private bool Has(string field) => problems.Any(p => p.Field == field);

    private string? ErrorOf(string field) => problems.FirstOrDefault(p => p.Field == field).Message;

    protected override async Task OnInitializedAsync()
    {
        equipment = await Library.ListAsync();
        library = (await Items.ListAsync()).ToDictionary(i => LibraryItem.KeyOf(i.Sku));
    }

    /// <summary>
    /// A SKU the library knows fills in the line's sizes, weight and handling, unless the dispatcher typed sizes of
    /// their own; the quantity stays the dispatcher's. An unknown SKU leaves the line to be typed in full.
    /// </summary>
    private void ChooseSku(ItemInput item, string? sku)
    {
        item.Sku = sku;
        var typedOwnSizes = !filled.Contains(item) && (item.Length, item.Width, item.Height) != (0, 0, 0);
        if (typedOwnSizes)
        {
            return;
        }

        if (sku is null || !library.TryGetValue(LibraryItem.KeyOf(sku), out var known))
        {
            // A line the library filled in, now of a SKU it does not know: nothing of the old SKU may stay behind.
            if (filled.Remove(item))
            {
                (item.Length, item.Width, item.Height, item.WeightKg, item.ThisSideUp, item.Fragile, item.FloorOnly, item.MaxLoadKg) = (0, 0, 0, 0, false, false, false, null);
            }

            return;
        }

        var line = known.ToLine(item.Quantity);
        (item.Sku, item.Length, item.Width, item.Height, item.WeightKg) = (line.Sku, line.Length, line.Width, line.Height, line.WeightKg);
        (item.ThisSideUp, item.Fragile, item.FloorOnly, item.MaxLoadKg) = (line.ThisSideUp, line.Fragile, line.FloorOnly, line.MaxLoadKg);
        filled.Add(item);
    }

    private void ChooseEquipment(ContainerRow row, string code)
    {
        row.Code = code;
        if (equipment.FirstOrDefault(e => e.Code == code) is { } chosen)
        {
            var c = row.Input;
            (c.Type, c.Length, c.Width, c.Height, c.MaxPayloadKg) = (chosen.Code, chosen.Length, chosen.Width, chosen.Height, chosen.MaxPayloadKg);
        }
        else
        {
            row.Input.Type = null;
        }
    }

    /// <summary>
    /// Sizes typed in keep the chosen equipment while they are its own and the payload at most its payload (a road's
    /// limit may lower it); other sizes are custom.
    /// </summary>
    private void SetContainer(ContainerRow row, Action<ContainerInput> change)
    {
        var c = row.Input;
        change(c);
        var kind = equipment.FirstOrDefault(e => e.Length == c.Length && e.Width == c.Width && e.Height == c.Height && !(c.MaxPayloadKg > e.MaxPayloadKg));
        c.Type = kind?.Code;
        row.Code = kind?.Code ?? Custom;
    }

    /// <summary>A further kind, tried once those above are used up: by default as many of the default kind as needed.</summary>
    private void AddContainer() => containers.Add(ContainerRow.Of(StandardEquipment.Default, count: null));

    private void RemoveContainer(int index)
    {
        containers.RemoveAt(index);
        problems = [.. problems.Where(p => !p.Field.StartsWith("containers", StringComparison.Ordinal))]; // they named rows by number
    }

    private void AddItem() => items.Add(new ItemInput());

    private void RemoveItem(int index) => items.RemoveAt(index);

    private void ClearItems() => items = [new ItemInput()];

    private void Import() => ImportText(importText ?? "");

    private async Task ImportFileAsync(InputFileChangeEventArgs e)
    {
        try
        {
            await using var file = e.File.OpenReadStream(ItemFiles.MaxBytes);
            Apply(await ItemFiles.ReadAsync(file, CancellationToken.None));
        }
        catch (IOException ex)
        {
            importErrors = [$"{e.File.Name}: {ex.Message}"];
        }
    }

    private void ImportText(string text) => Apply(ItemImport.Parse(text));

    private void Apply(ItemImport.Result result)
    {
        importErrors = result.Errors;
        if (result.Errors.Count > 0)
        {
            return;
        }

        // Imported lines replace the blank rows a new form starts with and follow any lines typed already.
        items = [.. items.Where(i => !string.IsNullOrWhiteSpace(i.Sku)), .. result.Items];
        importText = null;
    }

    private async Task CreateAsync()
    {
        await form.ValidateAsync();
        // Always as a list, so errors name each row as containers[n] whatever their number.
        model.Containers = [.. containers.Select(c => c.ToInput())];
        model.Items = items;
        saving = true;
        try
        {
            var user = Authentication is null ? null : (await Authentication).User;
            var result = await Store.CreateAsync(model, Callers.Name(user));
            if (result.Created)
            {
                Navigation.NavigateTo($"shipments/{result.Id}");
                return;
            }

            problems = [.. result.Errors.Select(e => (e.Field, $"{e.Field} {e.Message}"))];
            // A problem in folded weight-distribution fields opens them, so it shows where it is.
            for (var i = 0; i < containers.Count; i++)
                if (problems.Any(p => p.Field.StartsWith($"containers[{i}].balance", StringComparison.Ordinal) ||
                                      p.Field.StartsWith($"containers[{i}].axles", StringComparison.Ordinal)))
                    containers[i].Limits = true;
        }
        finally
        {
            saving = false;
        }
    }
}

/// <summary>One container kind on the form: what is sent, and the equipment chosen for it (<c>""</c> for custom sizes).</summary>
internal sealed class ContainerRow
{
    public required ContainerInput Input { get; init; }

    public required string Code { get; set; }

    /// <summary>The weight distribution fields are open. Closed, none of them is sent: the default window, no axles.</summary>
    public bool Limits { get; set; }

    public BalanceInput Balance { get; } = new();

    /// <summary>The two axle groups of the lever model, front (nearer the back wall) then rear.</summary>
    public AxleInput[] Axles { get; } = [new(), new()];

    /// <summary>What the closed button says is set, so limits typed and folded away are not forgotten.</summary>
    public string LimitsSummary =>
        Balance.LengthwisePercent is not null || Balance.SidewaysPercent is not null || AnyAxle ? " · set" : "";

    private bool AnyAxle => Axles.Any(a => a.PositionCm is not null || a.MaxLoadKg is not null);

    /// <summary>The kind as sent: with its window and axle groups when typed in; an axle half typed is sent so that its
    /// missing field is named.</summary>
    public ContainerInput ToInput()
    {
        Input.Balance = Balance.LengthwisePercent is null && Balance.SidewaysPercent is null
            ? null
            : new BalanceInput { LengthwisePercent = Balance.LengthwisePercent, SidewaysPercent = Balance.SidewaysPercent };
        Input.Axles = AnyAxle ? [.. Axles.Select(a => new AxleInput { PositionCm = a.PositionCm, MaxLoadKg = a.MaxLoadKg })] : null;
        return Input;
    }

    public static ContainerRow Of(EquipmentType e, int? count) => new()
    {
        Code = e.Code,
        Input = new() { Type = e.Code, Length = e.Length, Width = e.Width, Height = e.Height, MaxPayloadKg = e.MaxPayloadKg, Count = count },
    };
}
