using System.Text;

namespace Kitt.Dashboard.Shipments;

/// <summary>
/// Item files as dispatchers bring them, from the form or the API: CSV or JSON text, or an .xlsx workbook, told apart
/// by their first bytes rather than their names, at most <see cref="MaxBytes"/>.
/// </summary>
public static class ItemFiles
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>A request whose body is the file, or a form with exactly one file.</summary>
    public static async Task<ItemImport.Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return await ReadAsync(request.Body, cancellationToken);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.Count != 1)
        {
            return new([], [$"send one file in the form, got {form.Files.Count}"]);
        }

        await using var file = form.Files[0].OpenReadStream();
        return await ReadAsync(file, cancellationToken);
    }

    public static async Task<ItemImport.Result> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        // One byte past the limit tells a file that is too large from one that is exactly as large as allowed.
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await file.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return new([], [$"the file is larger than {MaxBytes / 1024} KiB"]);
        }

        return ItemSpreadsheet.IsWorkbook(buffer.AsSpan(0, length))
            ? ItemSpreadsheet.Read(new MemoryStream(buffer, 0, length, writable: false))
            : ItemImport.Parse(new UTF8Encoding(false).GetString(buffer, 0, length).TrimStart('\uFEFF'));
    }
}
