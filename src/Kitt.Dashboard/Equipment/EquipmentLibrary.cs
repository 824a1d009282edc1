using System.Globalization;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Shipments;
using Kitt.Packing;
using Microsoft.EntityFrameworkCore;

namespace Kitt.Dashboard.Equipment;

/// <summary>The outcome of saving custom equipment: the equipment as stored, or every problem found.</summary>
public sealed record EquipmentSaved(EquipmentType? Equipment, IReadOnlyList<FieldError> Errors, bool Created = false);

/// <summary>
/// The equipment shipments are loaded into: the standard kinds and those Admins add. Kept in the store, not in
/// memory, so every instance of the dashboard knows what an Admin added on any of them.
/// </summary>
public sealed class EquipmentLibrary(IDbContextFactory<KittDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The standard equipment first, in its own order, then the custom ones by name.</summary>
    public async Task<IReadOnlyList<EquipmentType>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var custom = await db.Set<CustomEquipment>().AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);
        return [.. StandardEquipment.All, .. custom.Select(e => e.ToEquipment())];
    }

    /// <returns>The equipment a code or alias names, in any case; null when none does.</returns>
    public async Task<EquipmentType?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        if (StandardEquipment.All.FirstOrDefault(e => e.IsNamed(code)) is { } standard)
        {
            return standard;
        }

        var key = code.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Set<CustomEquipment>().AsNoTracking().FirstOrDefaultAsync(e => e.Code == key, cancellationToken))?.ToEquipment();
    }

    /// <summary>Adds custom equipment under <paramref name="code"/>, or replaces what that code named.</summary>
    public async Task<EquipmentSaved> SaveAsync(string code, EquipmentInput input, string actor, CancellationToken cancellationToken = default)
    {
        var errors = EquipmentRules.Check(code, input);
        if (errors.Count > 0)
        {
            return new EquipmentSaved(null, errors);
        }

        var key = code.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<CustomEquipment>().FirstOrDefaultAsync(e => e.Code == key, cancellationToken);
        var created = row is null;
        row ??= db.Add(new CustomEquipment { Code = key, Name = "" }).Entity;
        (row.Name, row.Length, row.Width, row.Height, row.MaxPayloadKg) = (input.Name!.Trim(), input.Length, input.Width, input.Height, input.MaxPayloadKg);
        (row.UpdatedBy, row.UpdatedAt) = (actor, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StoreErrors.IsDuplicate(ex))
        {
            // Two Admins added the same code at once: the other one's stands, and this one is told so.
            return new EquipmentSaved(null, [new FieldError("code", $"'{key}' was added by someone else just now; reload and edit it")]);
        }

        return new EquipmentSaved(row.ToEquipment(), [], created);
    }

    /// <returns>False when no custom equipment has that code. Shipments loaded into it keep their sizes.</returns>
    public async Task<bool> RemoveAsync(string code, CancellationToken cancellationToken = default)
    {
        var key = code.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CustomEquipment>().Where(e => e.Code == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Applies <see cref="ApplyAsync(ContainerInput?, string, CancellationToken)"/> to a shipment's one
    /// container or to each of its list, naming fields as the shipment spells them. A list longer than
    /// <paramref name="most"/> is left alone: the shipment's checks refuse it without a look-up per entry.</summary>
    public async Task<IReadOnlyList<FieldError>> ApplyAsync(ContainerInput? container, IReadOnlyList<ContainerInput?>? containers,
        int most, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>(await ApplyAsync(container, "container", cancellationToken));
        for (var i = 0; i < (containers?.Count ?? 0) && containers!.Count <= most; i++)
        {
            errors.AddRange(await ApplyAsync(containers![i], $"containers[{i}]", cancellationToken));
        }

        return errors;
    }

    /// <summary>
    /// Fills a container that names its equipment (<c>type</c>) with that equipment's sizes and payload. Sizes may be
    /// left out or repeat the equipment's; a payload may be lower (a road's weight limit), not higher.
    /// </summary>
    /// <param name="field">The container's field in the request, for the errors (<c>container</c>).</param>
    public async Task<IReadOnlyList<FieldError>> ApplyAsync(ContainerInput? container, string field, CancellationToken cancellationToken = default)
    {
        if (container?.Type is not { } code)
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(code) || await FindAsync(code.Trim(), cancellationToken) is not { } kind)
        {
            var known = string.Join(", ", (await ListAsync(cancellationToken)).Select(e => e.Code));
            return [new FieldError(field + ".type", $"'{code}' is no known equipment; known: {known}")];
        }

        var errors = new List<FieldError>();
        Side(container.Length, kind.Length, "length", kind, field, errors);
        Side(container.Width, kind.Width, "width", kind, field, errors);
        Side(container.Height, kind.Height, "height", kind, field, errors);
        if (container.MaxPayloadKg > kind.MaxPayloadKg)
        {
            errors.Add(new(field + ".maxPayloadKg", $"at most {Kg(kind.MaxPayloadKg)} kg for {kind.Code}, got {container.MaxPayloadKg}"));
        }

        if (errors.Count == 0)
        {
            (container.Type, container.Length, container.Width, container.Height) = (kind.Code, kind.Length, kind.Width, kind.Height);
            container.MaxPayloadKg ??= kind.MaxPayloadKg;
        }

        return errors;
    }

    private static void Side(double given, double actual, string side, EquipmentType kind, string field, List<FieldError> errors)
    {
        if (given != 0 && given != actual)
        {
            errors.Add(new($"{field}.{side}", $"{kind.Code} is {actual} cm inside; leave {side} out or send {actual}, got {given}"));
        }
    }

    private static string Kg(double kg) => kg.ToString("N0", CultureInfo.InvariantCulture);
}
