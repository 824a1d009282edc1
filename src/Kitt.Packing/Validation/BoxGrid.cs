namespace Kitt.Packing;

/// <summary>
/// Buckets a container's boxes into cells as large as the largest box, so that the validator meets each box
/// only with its neighbours: checking 100,000 boxes stays linear instead of quadratic.
/// </summary>
internal sealed class BoxGrid
{
    private readonly double _cx, _cy, _cz;
    private readonly Dictionary<(long, long, long), List<int>> _cells = [];
    private readonly int[] _stamp;
    private int _query;

    public BoxGrid(Placement[] boxes)
    {
        _stamp = new int[boxes.Length];
        _cx = Math.Max(1e-3, boxes.Length == 0 ? 1 : boxes.Max(b => b.Dx));
        _cy = Math.Max(1e-3, boxes.Length == 0 ? 1 : boxes.Max(b => b.Dy));
        _cz = Math.Max(1e-3, boxes.Length == 0 ? 1 : boxes.Max(b => b.Dz));
        for (var i = 0; i < boxes.Length; i++)
        {
            var b = boxes[i];
            foreach (var cell in Cells(b.X, b.X + b.Dx, b.Y, b.Y + b.Dy, b.Z, b.Z + b.Dz))
            {
                if (!_cells.TryGetValue(cell, out var list)) _cells[cell] = list = [];
                list.Add(i);
            }
        }
    }

    /// <summary>Indices of boxes that may touch the given range (each once, in no particular order).</summary>
    public List<int> Near(double x1, double x2, double y1, double y2, double z1, double z2)
    {
        _query++;
        var found = new List<int>();
        foreach (var cell in Cells(x1, x2, y1, y2, z1, z2))
        {
            if (!_cells.TryGetValue(cell, out var list)) continue;
            foreach (var j in list)
            {
                if (_stamp[j] == _query) continue;
                _stamp[j] = _query;
                found.Add(j);
            }
        }
        return found;
    }

    private IEnumerable<(long, long, long)> Cells(double x1, double x2, double y1, double y2, double z1, double z2)
    {
        const double pad = 1e-6;
        for (var i = Cell(x1 - pad, _cx); i <= Cell(x2 + pad, _cx); i++)
        for (var j = Cell(y1 - pad, _cy); j <= Cell(y2 + pad, _cy); j++)
        for (var k = Cell(z1 - pad, _cz); k <= Cell(z2 + pad, _cz); k++)
            yield return (i, j, k);
    }

    private static long Cell(double v, double size) => (long)Math.Floor(v / size);
}
