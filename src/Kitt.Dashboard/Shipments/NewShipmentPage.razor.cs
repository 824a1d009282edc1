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

    private const long MaxImportBytes = 1024 * 1024;

    private readonly ShipmentRequest model = new() { Priority = ShipmentPriority.Normal };
    private readonly ContainerInput container = FromPreset(EquipmentPresets.Default);
    private List<ItemInput> items = [new()];
    private string preset = EquipmentPresets.Default.Name;
    private string? importText;
    private IReadOnlyList<string> importErrors = [];
    private List<(string Field, string Message)> problems = [];
    private MudForm form = default!;
    private bool saving;

    [Inject]
    private ShipmentStore Store { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private bool Has(string field) => problems.Any(p => p.Field == field);

    private string? ErrorOf(string field) => problems.FirstOrDefault(p => p.Field == field).Message;

    private static ContainerInput FromPreset(EquipmentPresets.Preset p) =>
        new() { Length = p.Length, Width = p.Width, Height = p.Height, MaxPayloadKg = p.MaxPayloadKg };

    private void ChoosePreset(string name)
    {
        preset = name;
        if (EquipmentPresets.All.FirstOrDefault(p => p.Name == name) is { } chosen)
        {
            var c = FromPreset(chosen);
            (container.Length, container.Width, container.Height, container.MaxPayloadKg) = (c.Length, c.Width, c.Height, c.MaxPayloadKg);
        }
    }

    private void SetContainer(Action<ContainerInput> change)
    {
        change(container);
        preset = EquipmentPresets.NameOf(container);
    }

    private void AddItem() => items.Add(new ItemInput());

    private void RemoveItem(int index) => items.RemoveAt(index);

    private void ClearItems() => items = [new ItemInput()];

    private void Import() => ImportText(importText ?? "");

    private async Task ImportFileAsync(InputFileChangeEventArgs e)
    {
        try
        {
            using var reader = new StreamReader(e.File.OpenReadStream(MaxImportBytes));
            importText = await reader.ReadToEndAsync();
            ImportText(importText);
        }
        catch (IOException ex)
        {
            importErrors = [$"{e.File.Name}: {ex.Message}"];
        }
    }

    private void ImportText(string text)
    {
        var result = ItemImport.Parse(text);
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
