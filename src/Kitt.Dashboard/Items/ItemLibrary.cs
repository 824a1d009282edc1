using System.Globalization;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Shipments;
using Kitt.Packing;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Items;

/// <summary>The outcome of saving an item: the item as stored, or every problem found.</summary>
public sealed record ItemSaved(LibraryItemView? Item, IReadOnlyList<FieldError> Errors, bool Created = false);

/// <summary>The outcome of an import: how many SKUs were added and updated, or every problem and nothing saved.</summary>
public sealed record ItemsImported(int Added, int Updated, IReadOnlyList<FieldError> Errors);

/// <summary>
/// SKUs with their sizes, weight and handling, so a dispatcher types a SKU and a quantity and the rest fills in. Kept
/// in the store, so every instance and every channel (form, REST, sockets, Kafka, MCP) knows the same items.
/// </summary>
public sealed class ItemLibrary(IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxItems = 20_000;

    public async Task<IReadOnlyList<LibraryItemView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.Set<LibraryItem>().AsNoTracking().OrderBy(i => i.Key).ToListAsync(cancellationToken);
        return [.. items.Select(i => i.ToView())];
    }

    /// <returns>The item a SKU names, in any case; null when the library has none.</returns>
    public async Task<LibraryItemView?> FindAsync(string sku, CancellationToken cancellationToken = default)
    {
        var key = LibraryItem.KeyOf(sku);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Set<LibraryItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Key == key, cancellationToken))?.ToView();
    }

    /// <summary>Adds the SKU, or replaces what the library held for it.</summary>
    public async Task<ItemSaved> SaveAsync(string sku, ItemInput input, string actor, CancellationToken cancellationToken = default)
    {
        input.Sku = sku;
        var errors = Check(input, "");
        if (errors.Count > 0)
        {
            return new ItemSaved(null, errors);
        }

        var imported = await ImportAsync([input], actor, cancellationToken);
        return imported.Errors.Count > 0
            ? new ItemSaved(null, [.. imported.Errors.Select(e => e with { Field = e.Field == "items" ? "sku" : e.Field.Replace("items[0].", "", StringComparison.Ordinal) })])
            : new ItemSaved(await FindAsync(sku, cancellationToken), [], imported.Added == 1);
    }

    /// <summary>Adds or updates every item, in one transaction: all of them, or none when any has a problem.</summary>
    public async Task<ItemsImported> ImportAsync(IReadOnlyList<ItemInput> items, string actor, CancellationToken cancellationToken = default)
    {
        var errors = items.SelectMany((item, i) => Check(item, $"items[{i}].")).ToList();
        var repeated = items.Select((item, i) => (Key: LibraryItem.KeyOf(item.Sku ?? ""), At: i)).GroupBy(x => x.Key).Where(g => g.Key.Length > 0 && g.Count() > 1);
        errors.AddRange(repeated.Select(g => new FieldError($"items[{g.Last().At}].sku", $"'{items[g.Last().At].Sku}' is also at items[{g.First().At}]; one line per SKU")));
        if (errors.Count > 0)
        {
            return new ItemsImported(0, 0, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = items.Select(i => LibraryItem.KeyOf(i.Sku!)).ToList();
        var existing = await db.Set<LibraryItem>().Where(i => keys.Contains(i.Key)).ToDictionaryAsync(i => i.Key, cancellationToken);
        if (await db.Set<LibraryItem>().CountAsync(cancellationToken) + keys.Count(k => !existing.ContainsKey(k)) > MaxItems)
        {
            return new ItemsImported(0, 0, [new FieldError("items", $"the library holds at most {MaxItems.ToString("N0", CultureInfo.InvariantCulture)} SKUs")]);
        }

        var now = clock.GetUtcNow();
        foreach (var (item, key) in items.Zip(keys))
        {
            if (!existing.TryGetValue(key, out var row))
            {
                row = db.Add(new LibraryItem { Key = key, Sku = item.Sku!.Trim() }).Entity;
            }

            (row.Length, row.Width, row.Height, row.WeightKg) = (item.Length, item.Width, item.Height, item.WeightKg);
            (row.ThisSideUp, row.Fragile, row.FloorOnly, row.MaxLoadKg, row.UpdatedBy, row.UpdatedAt) = (item.ThisSideUp, item.Fragile, item.FloorOnly, item.MaxLoadKg, actor, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDuplicate(ex))
        {
            // Someone added one of these SKUs at the same moment: theirs stands, and nothing of this import is saved.
            return new ItemsImported(0, 0, [new FieldError("items", "some of these SKUs were added by someone else just now; import again")]);
        }

        return new ItemsImported(keys.Count(k => !existing.ContainsKey(k)), existing.Count, []);
    }

    /// <returns>False when the library has no such SKU. Shipments that used it keep their lines.</returns>
    public async Task<bool> RemoveAsync(string sku, CancellationToken cancellationToken = default)
    {
        var key = LibraryItem.KeyOf(sku);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<LibraryItem>().Where(i => i.Key == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Fills the lines that give a SKU but no sizes (length, width and height all left out) from the library: sizes,
    /// weight and handling, each unless the line gives its own. A SKU the library does not know is named in the error.
    /// </summary>
    /// <param name="field">The lines' field in the request, for the errors (<c>items</c>).</param>
    public async Task<IReadOnlyList<FieldError>> ApplyAsync(IReadOnlyList<ItemInput?>? items, string field, CancellationToken cancellationToken = default)
    {
        // Past the shipment's limits the rules say what is wrong; the store is not asked about what will be refused.
        if (items is null || items.Count > ShipmentRules.MaxLines)
        {
            return [];
        }

        var bare = items.Select((item, i) => (Item: item, At: i))
            .Where(x => x.Item is { Length: 0, Width: 0, Height: 0 } && !string.IsNullOrWhiteSpace(x.Item.Sku) && x.Item.Sku.Length <= ShipmentRules.MaxSku)
            .ToList();
        if (bare.Count == 0)
        {
            return [];
        }

        var keys = bare.Select(x => LibraryItem.KeyOf(x.Item!.Sku!)).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.Set<LibraryItem>().AsNoTracking().Where(i => keys.Contains(i.Key)).ToDictionaryAsync(i => i.Key, cancellationToken);
        var errors = new List<FieldError>();
        foreach (var (item, at) in bare)
        {
            if (!known.TryGetValue(LibraryItem.KeyOf(item!.Sku!), out var entry))
            {
                errors.Add(new($"{field}[{at}].length", $"'{item.Sku}' is not in the item library; give its length, width and height"));
                continue;
            }

            (item.Sku, item.Length, item.Width, item.Height) = (entry.Sku, entry.Length, entry.Width, entry.Height);
            item.WeightKg = item.WeightKg == 0 ? entry.WeightKg : item.WeightKg;
            (item.ThisSideUp, item.Fragile, item.FloorOnly) = (item.ThisSideUp || entry.ThisSideUp, item.Fragile || entry.Fragile, item.FloorOnly || entry.FloorOnly);
            item.MaxLoadKg ??= entry.MaxLoadKg;
        }

        return errors;
    }

    /// <summary>What an item of the library must be; fields as spelled in JSON, after <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<FieldError> Check(ItemInput item, string prefix)
    {
        var errors = new List<FieldError>();
        var sku = item.Sku?.Trim() ?? "";
        if (sku.Length is 0 or > ShipmentRules.MaxSku)
        {
            errors.Add(new(prefix + "sku", $"must be 1 to {ShipmentRules.MaxSku} characters, got {sku.Length}"));
        }

        foreach (var (value, name) in new[] { (item.Length, "length"), (item.Width, "width"), (item.Height, "height") })
        {
            if (!(value > 0) || double.IsInfinity(value))
            {
                errors.Add(new(prefix + name, $"must be more than 0 cm, got {value.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        if (!(item.WeightKg >= 0) || double.IsInfinity(item.WeightKg))
        {
            errors.Add(new(prefix + "weightKg", $"must be 0 or more, got {item.WeightKg.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (item.MaxLoadKg is { } load && (!(load >= 0) || double.IsInfinity(load)))
        {
            errors.Add(new(prefix + "maxLoadKg", $"must be 0 or more, got {load.ToString(CultureInfo.InvariantCulture)}"));
        }

        return errors;
    }
}
