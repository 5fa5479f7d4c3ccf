using System.Globalization;
using System.Text;
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

    /// <summary>
    /// This layout with margins wide enough for the widest axis label and end label, and tall enough for every end label's lines,
    /// so no text is cut off at the drawing's edge. It only ever grows, and the right margin at most to <see cref="MaxRightShare"/> of the width.
    /// </summary>
    public ChartLayout Fit(double axisLabelWidth, double endLabelWidth, int endLabelHeight) => this with
    {
        Left = Math.Max(Left, (int)Math.Ceiling(axisLabelWidth) + SvgChart.AxisLabelOffset + EdgeGap),
        Right = Math.Max(Right, (int)Math.Ceiling(endLabelWidth) + SvgChart.EndLabelOffset + EdgeGap),
        Height = Math.Max(Height, Top + Bottom + endLabelHeight),
    };

    /// <summary>End labels longer than this room are broken into lines: the municipality, then the value.</summary>
    public double EndLabelRoom => Right - SvgChart.EndLabelOffset - EdgeGap;

    /// <summary>The most an end-label line may take before it wraps again: the right margin grows to at most 40 % of the drawing, so the lines keep room.</summary>
    public double MaxEndLabelRoom => Math.Max(EndLabelRoom, Width * MaxRightShare - SvgChart.EndLabelOffset - EdgeGap);

    /// <summary>The widest a tick label may be with its unit; wider, the ticks show numbers only (the caption names the unit).</summary>
    public double MaxAxisLabelWidth => Math.Max(Left, Width * MaxLeftShare) - SvgChart.AxisLabelOffset - EdgeGap;

    private const double MaxRightShare = 0.4, MaxLeftShare = 0.2;

    /// <summary>Text keeps this far from the drawing's edge.</summary>
    private const int EdgeGap = 2;
}

/// <summary>
/// A line chart drawn at build time as inline SVG: readable without JavaScript, with every fiscal year on the axis,
/// each line labelled at its end with its end value, and a title and a description that spell out every value.
/// Built with XLinq so all text is escaped.
/// </summary>
public static class SvgChart
{
    /// <summary>Lines of one end label are 16 units apart; labels are kept 20 apart, the height of a line of 13-unit text as drawn.</summary>
    public const int LineHeight = 16, LabelSpacing = 20, EndLabelOffset = 8, AxisLabelOffset = 6;
    /// <summary>The sizes of .axis and .axis-sub (the western year) in theme/assets/site.css.</summary>
    private const double FontSize = 13, SubFontSize = 12;
    /// <summary>The least space between two years' labels.</summary>
    private const int YearLabelGap = 6;
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

    /// <summary>
    /// The width of a line of 13-unit chart text, erring wide since the font is the reader's: a CJK or full-width character
    /// takes 1 em, anything else (digits, Latin, punctuation) 0.62 em, wider than any of them in the CJK fonts we name.
    /// </summary>
    public static double TextWidth(string text, double fontSize = FontSize)
    {
        var ems = 0.0;
        foreach (var c in text) ems += IsWide(c) ? 1 : 0.62;
        return ems * fontSize;
    }

    private static bool IsWide(char c) => (c >= '\u2E80' && c is not (>= '\uFF61' and <= '\uFFDC')) || char.IsSurrogate(c);

    /// <summary>
    /// The lines of an end label: "江東区 100%" on one line where it fits the layout's margin, otherwise the municipality and
    /// the value on lines of their own, each broken again only if wider than the most the margin may grow to.
    /// </summary>
    public static IReadOnlyList<string> EndLabelLines(string label, string value, ChartLayout layout)
    {
        var oneLine = $"{label} {value}".Trim();
        if (TextWidth(oneLine) <= layout.EndLabelRoom) return [oneLine];
        return [.. new[] { label, value }.Where(part => part.Length > 0).SelectMany(part => Wrap(part, layout.MaxEndLabelRoom))];
    }

    private static IEnumerable<string> Wrap(string text, double room)
    {
        var line = new StringBuilder();
        var width = 0.0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var elementWidth = TextWidth(element);
            if (line.Length > 0 && width + elementWidth > room)
            {
                yield return line.ToString();
                line.Clear();
                width = 0;
            }
            line.Append(element);
            width += elementWidth;
        }
        if (line.Length > 0) yield return line.ToString();
    }

    private sealed record EndLabel(IReadOnlyList<string> Lines, int Index, decimal Value)
    {
        /// <summary>From the first line's baseline to the last's.</summary>
        public int Depth => (Lines.Count - 1) * LineHeight;

        /// <summary>The height the label takes in a column of labels, the space below it included.</summary>
        public int Height => Depth + LabelSpacing;
    }

    public static string Render(IReadOnlyList<ChartSeries> series, string title, string id, string unit, ChartLayout layout)
    {
        var years = Years(series);
        var numbers = series.SelectMany(s => s.Indicator.CurrentValues).Where(v => v.Value is not null).Select(v => v.Value!.Value).DefaultIfEmpty(1);
        var max = NiceMax(numbers.Max(), unit);
        var grid = Grid(max, unit, layout);
        var ends = series.Select((s, index) => (s, index)).Where(x => x.s.End is not null)
            .Select(x => new EndLabel(EndLabelLines(x.s.Label, Indicators.Format(x.s.End!, x.s.Indicator), layout), x.index, x.s.End!.Value!.Value)).ToList();
        layout = layout.Fit(
            axisLabelWidth: grid.Max(g => TextWidth(g.Label)),
            endLabelWidth: ends.SelectMany(e => e.Lines).Select(line => TextWidth(line)).DefaultIfEmpty(0).Max(),
            endLabelHeight: ends.Sum(e => e.Height));

        double X(int fy) => layout.Left + (years.Count <= 1 ? layout.PlotWidth / 2.0 : layout.PlotWidth * (fy - years[0]) / (double)(years.Count - 1));
        double Y(decimal value) => ChartLayout.Top + layout.PlotHeight - layout.PlotHeight * (double)(value / max);
        var bottom = ChartLayout.Top + layout.PlotHeight;

        var svgId = $"{id}-{layout.Name}";
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {layout.Width} {layout.Height}"), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{svgId}-title {svgId}-desc"), new XAttribute("class", $"chart-svg chart-{layout.Name}"),
            new XElement(Svg + "title", new XAttribute("id", $"{svgId}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{svgId}-desc"), Describe(series)));

        foreach (var (value, label) in grid)
        {
            svg.Add(new XElement(Svg + "line", Attr("x1", layout.Left), Attr("x2", layout.Left + layout.PlotWidth), Attr("y1", Y(value)), Attr("y2", Y(value)), new XAttribute("class", "grid")),
                Text(layout.Left - AxisLabelOffset, Y(value) + 4, "end", "axis", label));
        }
        foreach (var fy in years)
            svg.Add(new XElement(Svg + "line", Attr("x1", X(fy)), Attr("x2", X(fy)), Attr("y1", bottom), Attr("y2", bottom + 4), new XAttribute("class", "grid")));
        foreach (var (fy, label) in YearLabels(years, years.Count <= 1 ? layout.PlotWidth : layout.PlotWidth / (double)(years.Count - 1), layout.Compact))
            svg.Add(Text(X(fy), bottom + 18, "middle", "axis", label), Text(X(fy), bottom + 34, "middle", "axis axis-sub", Western(fy)));

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

        var x = layout.Left + layout.PlotWidth + EndLabelOffset;
        foreach (var (label, y) in PlaceEndLabels(ends, Y, bottom + 4))
        {
            var text = Text(x, y, "start", "end-label", label.Lines.Count == 1 ? label.Lines[0] : null);
            if (label.Lines.Count > 1)
                text.Add(label.Lines.Select((line, i) => new XElement(Svg + "tspan", Attr("x", x), Attr("y", y + i * LineHeight), line)));
            svg.Add(new XElement(Svg + "g", new XAttribute("class", $"series series-{label.Index % 6}"), text));
        }
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// The years labelled under the axis (every year has a tick): all of them, or where neighbouring labels would touch, every
    /// second (third …) year counted back from the last, the year most targets are set for. On phones the era is written on
    /// the first year labelled and where it changes: 令和6, 7, 8 …
    /// </summary>
    private static List<(int Fy, string Label)> YearLabels(IReadOnlyList<int> years, double spacing, bool compact)
    {
        static double Width((int Fy, string Label) label) => Math.Max(TextWidth(label.Label), TextWidth(Western(label.Fy), SubFontSize));
        for (var every = 1; ; every++)
        {
            var labels = new List<(int Fy, string Label)>();
            string? previousEra = null;
            foreach (var fy in years.Where((_, i) => (years.Count - 1 - i) % every == 0))
            {
                var label = FiscalYear.Short(fy);
                var era = label[..2];
                labels.Add((fy, compact && era == previousEra ? label[2..] : label));
                previousEra = era;
            }
            if (every >= years.Count || labels.Zip(labels.Skip(1)).All(pair => spacing * every >= (Width(pair.First) + Width(pair.Second)) / 2 + YearLabelGap))
                return labels;
        }
    }

    /// <summary>Five grid lines from zero to the top, labelled with the unit where that stays within the layout's left margin.</summary>
    private static List<(decimal Value, string Label)> Grid(decimal max, string unit, ChartLayout layout)
    {
        var values = Enumerable.Range(0, 5).Select(step => max * step / 4).ToList();
        static string Number(decimal value) => Indicators.FormatNumber(decimal.Round(value, 1));
        var withUnit = values.Select(v => (v, Number(v) + unit)).ToList();
        return withUnit.Max(g => TextWidth(g.Item2)) <= layout.MaxAxisLabelWidth ? withUnit : [.. values.Select(v => (v, Number(v)))];
    }

    /// <summary>
    /// Direct labels at the right edge, each first line level with its line's end, pushed apart where lines end close together
    /// and back up where that would take them below the plot (and into the last year's axis label).
    /// </summary>
    /// <returns>Each label with its first line's baseline, top to bottom.</returns>
    private static IEnumerable<(EndLabel Label, double Y)> PlaceEndLabels(List<EndLabel> labels, Func<decimal, double> y, double lowestBaseline)
    {
        var placed = labels.OrderByDescending(l => l.Value).ToList();
        var baselines = placed.Select(l => y(l.Value) + 4).ToArray();
        for (var i = 1; i < placed.Count; i++)
            baselines[i] = Math.Max(baselines[i], baselines[i - 1] + placed[i - 1].Height);
        var limit = lowestBaseline;
        for (var i = placed.Count - 1; i >= 0; i--)
        {
            baselines[i] = Math.Min(baselines[i], limit - placed[i].Depth);
            limit = baselines[i] - LabelSpacing;
        }
        return placed.Zip(baselines);
    }

    private static string Western(int fy) => fy.ToString(CultureInfo.InvariantCulture);

    private static XElement Polyline(IEnumerable<IndicatorValue> values, string cssClass, Func<int, double> x, Func<decimal, double> y) =>
        new(Svg + "polyline", new XAttribute("points", string.Join(" ", values.Select(v => $"{F(x(v.Fy))},{F(y(v.Value!.Value))}"))), new XAttribute("class", cssClass));

    private static XElement Text(double x, double y, string anchor, string cssClass, string? text) =>
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
