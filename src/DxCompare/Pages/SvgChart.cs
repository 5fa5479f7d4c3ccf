using System.Globalization;
using System.Xml.Linq;
using DxCompare.Model;

namespace DxCompare.Pages;

/// <summary>
/// A line chart of metric series drawn at build time as inline SVG: readable without JavaScript, with a
/// title and a description that spell out every value. Built with XLinq so all text is escaped.
/// </summary>
public static class SvgChart
{
    private const int Width = 720, Height = 340, Left = 64, Top = 16, PlotWidth = 620, PlotHeight = 260;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Describe(IReadOnlyList<MetricSeries> series) => string.Join(" ", series.Select(s =>
        $"{s.Municipality.Name}: " + string.Join("、", s.Merged.Values.Where(v => v.Value is not null).OrderBy(v => v.Fy).ThenBy(v => v.Type)
            .Select(v => $"{FiscalYear.Wareki(v.Fy)}{v.Type.Label()}{Indicators.Format(v, s.Merged)}")) + "。"));

    public static string Render(IReadOnlyList<MetricSeries> series, string title, string id, string unit)
    {
        var years = series.SelectMany(s => s.Merged.Values.Select(v => v.Fy)).Distinct().Order().ToList();
        var numbers = series.SelectMany(s => s.Merged.Values).Where(v => v.Value is not null).Select(v => v.Value!.Value).DefaultIfEmpty(1);
        var max = NiceMax(numbers.Max(), unit);
        double X(int fy) => Left + (years.Count <= 1 ? PlotWidth / 2.0 : PlotWidth * years.IndexOf(fy) / (double)(years.Count - 1));
        double Y(decimal value) => Top + PlotHeight - PlotHeight * (double)(value / max);

        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"), new XAttribute("class", "chart-svg"), new XAttribute("focusable", "false"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), Describe(series)));

        for (var step = 0; step <= 4; step++)
        {
            var value = max * step / 4;
            svg.Add(new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Left + PlotWidth), Attr("y1", Y(value)), Attr("y2", Y(value)), new XAttribute("class", "grid")),
                Text(Left - 8, Y(value) + 4, "end", "axis", Indicators.FormatNumber(decimal.Round(value, 1)) + unit));
        }
        foreach (var fy in years)
        {
            svg.Add(Text(X(fy), Top + PlotHeight + 20, "middle", "axis", FiscalYear.Short(fy)),
                Text(X(fy), Top + PlotHeight + 36, "middle", "axis axis-sub", fy.ToString(CultureInfo.InvariantCulture)));
        }
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
        }
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
