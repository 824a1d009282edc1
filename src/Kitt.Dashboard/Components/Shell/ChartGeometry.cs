using System.Globalization;
using System.Text;

namespace Kitt.Dashboard.Components.Shell;

/// <summary>Turns series into SVG polyline coordinates for the sparklines and history charts.</summary>
public static class ChartGeometry
{
    /// <summary>
    /// Evenly spaced points scaled into a <paramref name="width"/> × <paramref name="height"/> box (y grows down),
    /// thinned to at most <paramref name="maxPoints"/> by keeping each bucket's largest value, so peaks stay visible.
    /// </summary>
    public static string Polyline(IReadOnlyList<double> values, int maxPoints, double width, double height, double? max = null)
    {
        if (values.Count == 0)
        {
            return "";
        }

        var thinned = Thin(values, maxPoints);
        var top = TopOf(thinned, max);
        var step = thinned.Count == 1 ? 0 : width / (thinned.Count - 1);
        var text = new StringBuilder(thinned.Count * 10);
        for (var i = 0; i < thinned.Count; i++)
        {
            Append(text, i * step, Y(thinned[i], top, height));
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Points placed by time between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static string Polyline(IReadOnlyList<(DateTimeOffset At, double Value)> points, DateTimeOffset from, DateTimeOffset to,
        double width, double height, double top)
    {
        var span = Math.Max(1, (to - from).TotalSeconds);
        var text = new StringBuilder(points.Count * 12);
        foreach (var (at, value) in points)
        {
            Append(text, Math.Clamp((at - from).TotalSeconds / span, 0, 1) * width, Y(value, top, height));
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least the largest value.</summary>
    public static double NiceTop(double largest)
    {
        if (largest <= 0 || double.IsNaN(largest))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(largest)));
        foreach (var factor in new[] { 1.0, 2, 5, 10 })
        {
            if (largest <= factor * magnitude)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static double TopOf(IReadOnlyList<double> values, double? max) => max ?? Math.Max(1, values.Max());

    private static double Y(double value, double top, double height) => height - Math.Clamp(value / top, 0, 1) * (height - 1) - 0.5;

    private static void Append(StringBuilder text, double x, double y) =>
        text.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");

    private static IReadOnlyList<double> Thin(IReadOnlyList<double> values, int maxPoints)
    {
        if (values.Count <= maxPoints)
        {
            return values;
        }

        var thinned = new double[maxPoints];
        for (var b = 0; b < maxPoints; b++)
        {
            var start = b * values.Count / maxPoints;
            var end = (b + 1) * values.Count / maxPoints;
            var peak = double.MinValue;
            for (var i = start; i < end; i++)
            {
                peak = Math.Max(peak, values[i]);
            }

            thinned[b] = peak;
        }

        return thinned;
    }
}
