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

    private readonly ContainerInput container = FromEquipment(StandardEquipment.Default);
    private IReadOnlyList<EquipmentType> equipment = StandardEquipment.All;
    private List<ItemInput> items = [new()];
    private string equipmentCode = StandardEquipment.Default.Code;
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

    private static ContainerInput FromEquipment(EquipmentType e) =>
        new() { Type = e.Code, Length = e.Length, Width = e.Width, Height = e.Height, MaxPayloadKg = e.MaxPayloadKg };

    private void ChooseEquipment(string code)
    {
        equipmentCode = code;
        if (equipment.FirstOrDefault(e => e.Code == code) is { } chosen)
        {
            var c = FromEquipment(chosen);
            (container.Type, container.Length, container.Width, container.Height, container.MaxPayloadKg) = (c.Type, c.Length, c.Width, c.Height, c.MaxPayloadKg);
        }
        else
        {
            container.Type = null;
        }
    }

    /// <summary>
    /// Sizes typed in keep the chosen equipment while they are its own and the payload at most its payload (a road's
    /// limit may lower it); other sizes are custom.
    /// </summary>
    private void SetContainer(Action<ContainerInput> change)
    {
        change(container);
        var kind = equipment.FirstOrDefault(e => e.Length == container.Length && e.Width == container.Width && e.Height == container.Height &&
                                                 !(container.MaxPayloadKg > e.MaxPayloadKg));
        container.Type = kind?.Code;
        equipmentCode = kind?.Code ?? Custom;
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
        model.Container = container;
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
        }
        finally
        {
            saving = false;
        }
    }
}
