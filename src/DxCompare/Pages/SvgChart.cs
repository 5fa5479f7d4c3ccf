using System.Globalization;
using System.Xml.Linq;
using DxCompare.Model;

namespace DxCompare.Pages;

/// <summary>One line of a chart: a municipality's merged metric series, or a single indicator (then the label may be empty).</summary>
public sealed record ChartSeries(string Label, Indicator Indicator)
{
    public static ChartSeries Of(MetricSeries series) => new(series.Municipality.Name, series.Merged);

    public IEnumerable<IndicatorValue> OfType(ValueKind type) =>
        Indicator.CurrentValues.Where(v => v.Type == type && v.Value is not null).OrderBy(v => v.Fy);

    /// <summary>The value the line ends on: the last target, else the last actual or baseline.</summary>
    public IndicatorValue? End => OfType(ValueKind.Target).LastOrDefault()
        ?? OfType(ValueKind.Actual).Concat(OfType(ValueKind.Baseline)).MaxBy(v => v.Fy);

    /// <summary>Charts are drawn for series with at least this many numeric values.</summary>
    public const int MinimumPoints = 3;

    public bool Chartable => Indicator.CurrentValues.Count(v => v.Value is not null) >= MinimumPoints;
}

/// <summary>Sizes of one drawing. Text is 13 px in the drawing's units, so the layout is chosen to be drawn at least at its own width.</summary>
public sealed record ChartLayout(string Name, int Width, int Height, int Left, int Right, bool Compact)
{
    public const int Top = 20, Bottom = 44;

    /// <summary>Desktop: drawn 720 units into a box of 46–48rem.</summary>
    public static readonly ChartLayout Wide = new("wide", 720, 330, 64, 140, Compact: false);

    /// <summary>Phones: drawn 340 units into a box of 343 px (375 px screen) or a little wider, so 13 units stay ≥ 12 px.</summary>
    public static readonly ChartLayout Narrow = new("narrow", 340, 300, 46, 96, Compact: true);

    public static readonly IReadOnlyList<ChartLayout> All = [Wide, Narrow];

    public int PlotWidth => Width - Left - Right;
    public int PlotHeight => Height - Top - Bottom;
}

/// <summary>
/// A line chart drawn at build time as inline SVG: readable without JavaScript, with every fiscal year on the axis,
/// each line labelled at its end with its end value, and a title and a description that spell out every value.
/// Built with XLinq so all text is escaped.
/// </summary>
public static class SvgChart
{
    private const int LabelGap = 16;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Describe(IReadOnlyList<ChartSeries> series) => string.Join(" ", series.Select(s =>
        (s.Label.Length > 0 ? $"{s.Label}: " : "") + string.Join("、", s.Indicator.CurrentValues.Where(v => v.Value is not null).OrderBy(v => v.Fy).ThenBy(v => v.Type)
            .Select(v => $"{FiscalYear.Wareki(v.Fy)}{v.Type.Label()}{Indicators.Format(v, s.Indicator)}")) + "。"));

    /// <summary>Every fiscal year from the first to the last value, including years without data.</summary>
    public static IReadOnlyList<int> Years(IReadOnlyList<ChartSeries> series)
    {
        var years = series.SelectMany(s => s.Indicator.CurrentValues.Select(v => v.Fy)).ToList();
        return years.Count == 0 ? [] : [.. Enumerable.Range(years.Min(), years.Max() - years.Min() + 1)];
    }

    public static string Render(IReadOnlyList<ChartSeries> series, string title, string id, string unit, ChartLayout layout)
    {
        var years = Years(series);
        var numbers = series.SelectMany(s => s.Indicator.CurrentValues).Where(v => v.Value is not null).Select(v => v.Value!.Value).DefaultIfEmpty(1);
        var max = NiceMax(numbers.Max(), unit);
        double X(int fy) => layout.Left + (years.Count <= 1 ? layout.PlotWidth / 2.0 : layout.PlotWidth * (fy - years[0]) / (double)(years.Count - 1));
        double Y(decimal value) => ChartLayout.Top + layout.PlotHeight - layout.PlotHeight * (double)(value / max);
        var bottom = ChartLayout.Top + layout.PlotHeight;

        var svgId = $"{id}-{layout.Name}";
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {layout.Width} {layout.Height}"), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{svgId}-title {svgId}-desc"), new XAttribute("class", $"chart-svg chart-{layout.Name}"),
            new XElement(Svg + "title", new XAttribute("id", $"{svgId}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{svgId}-desc"), Describe(series)));

        for (var step = 0; step <= 4; step++)
        {
            var value = max * step / 4;
            svg.Add(new XElement(Svg + "line", Attr("x1", layout.Left), Attr("x2", layout.Left + layout.PlotWidth), Attr("y1", Y(value)), Attr("y2", Y(value)), new XAttribute("class", "grid")),
                Text(layout.Left - 6, Y(value) + 4, "end", "axis", Indicators.FormatNumber(decimal.Round(value, 1)) + unit));
        }
        string? previousEra = null;
        foreach (var fy in years)
        {
            // On phones the era is written on the first year (and where it changes): 令和6, 7, 8 …
            var label = FiscalYear.Short(fy);
            var era = label[..2];
            var shown = layout.Compact && era == previousEra ? label[2..] : label;
            previousEra = era;
            svg.Add(new XElement(Svg + "line", Attr("x1", X(fy)), Attr("x2", X(fy)), Attr("y1", bottom), Attr("y2", bottom + 4), new XAttribute("class", "grid")),
                Text(X(fy), bottom + 18, "middle", "axis", shown),
                Text(X(fy), bottom + 34, "middle", "axis axis-sub", fy.ToString(CultureInfo.InvariantCulture)));
        }

        var endLabels = new List<(double X, double Y, string Text, int Index)>();
        foreach (var (s, index) in series.Select((s, i) => (s, i)))
        {
            var baseline = s.OfType(ValueKind.Baseline).ToList();
            var group = new XElement(Svg + "g", new XAttribute("class", $"series series-{index % 6}"),
                Polyline(baseline.Concat(s.OfType(ValueKind.Target)).OrderBy(v => v.Fy), "target-line", X, Y),
                Polyline(baseline.Concat(s.OfType(ValueKind.Actual)).OrderBy(v => v.Fy), "actual-line", X, Y));
            foreach (var v in s.OfType(ValueKind.Target))
                group.Add(new XElement(Svg + "circle", Attr("cx", X(v.Fy)), Attr("cy", Y(v.Value!.Value)), Attr("r", 4), new XAttribute("class", "target-point")));
            foreach (var v in baseline.Concat(s.OfType(ValueKind.Actual)))
                group.Add(new XElement(Svg + "rect", Attr("x", X(v.Fy) - 5), Attr("y", Y(v.Value!.Value) - 5), Attr("width", 10), Attr("height", 10), new XAttribute("class", "actual-point")));
            svg.Add(group);
            if (s.End is { } end)
                endLabels.Add((layout.Left + layout.PlotWidth + 8, Y(end.Value!.Value) + 4, $"{s.Label} {Indicators.Format(end, s.Indicator)}".Trim(), index));
        }
        // Direct labels at the right edge, pushed apart where lines end close together.
        var placed = endLabels.OrderBy(l => l.Y).ToList();
        for (var i = 1; i < placed.Count; i++)
            if (placed[i].Y - placed[i - 1].Y < LabelGap) placed[i] = placed[i] with { Y = placed[i - 1].Y + LabelGap };
        foreach (var label in placed)
            svg.Add(new XElement(Svg + "g", new XAttribute("class", $"series series-{label.Index % 6}"), Text(label.X, label.Y, "start", "end-label", label.Text)));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Polyline(IEnumerable<IndicatorValue> values, string cssClass, Func<int, double> x, Func<decimal, double> y) =>
        new(Svg + "polyline", new XAttribute("points", string.Join(" ", values.Select(v => $"{F(x(v.Fy))},{F(y(v.Value!.Value))}"))), new XAttribute("class", cssClass));

    private static XElement Text(double x, double y, string anchor, string cssClass, string text) =>
        new(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("text-anchor", anchor), new XAttribute("class", cssClass), text);

    private static XAttribute Attr(string name, double value) => new(name, F(value));

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static decimal NiceMax(decimal max, string unit)
    {
        if (unit == Vocabulary.Percent) return 100;
        if (max <= 0) return 1;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * magnitude >= max) return step * magnitude;
        }
        return 10 * magnitude;
    }
}
