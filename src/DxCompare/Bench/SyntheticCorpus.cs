using System.Text.Json;
using DxCompare.Content;
using DxCompare.Exports;
using DxCompare.Model;
using DxCompare.Sheets;

namespace DxCompare.Bench;

public sealed record CorpusRequest(int Municipalities, int Initiatives, int Seed);

/// <summary>
/// A deterministic synthetic content set for scale benchmarks, drawn from the real plans: every
/// initiative copies a real one (its text, departments, topics, schedule and KPIs, years moved into
/// the new plan's period), half the plans have a policy level (目標/施策/取組) and half do not (視点/取組),
/// and codes are real-format 全国地方公共団体コード with valid check digits. The same request always
/// writes the same files. templates.json maps each initiative to the real one it copies, so the judged
/// queries can be scored at scale.
/// </summary>
public static class SyntheticCorpus
{
    private const string NameKanji = "青葉緑山川森田中島松竹梅桜東西南北高大小新本宮原野沢岡崎浜崎谷石井村上下平和光明朝日若栄富士豊";
    private static readonly string[] Suffixes = ["市", "市", "市", "町", "町", "村", "区"];

    public static void Write(ContentSet source, string sourceDirectory, CorpusRequest request, string outputDirectory)
    {
        var random = new Random(request.Seed);
        Directory.CreateDirectory(Path.Combine(outputDirectory, ContentLoader.PlansFolder));
        foreach (var file in new[] { ContentLoader.TopicsFile, ContentLoader.MetricsFile, Vocabulary.File })
            File.Copy(Path.Combine(sourceDirectory, file), Path.Combine(outputDirectory, file), overwrite: true);
        TempCopy(Path.Combine(sourceDirectory, ContentLoader.PagesFolder), Path.Combine(outputDirectory, ContentLoader.PagesFolder));

        var templates = source.Initiatives;
        var policyTemplates = source.Plans.SelectMany(p => p.Pillars).SelectMany(p => p.Policies).ToList();
        var pillarIndicators = source.Plans.SelectMany(p => p.Pillars).SelectMany(p => p.Indicators.Select(i => (Plan: p, Indicator: i))).ToList();
        var codes = Codes(random, request.Municipalities);
        var templateMap = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var remaining = request.Initiatives;
        for (var m = 0; m < request.Municipalities; m++)
        {
            var count = Math.Max(1, m == request.Municipalities - 1 ? remaining : Math.Max(1, (int)Math.Round(remaining / (double)(request.Municipalities - m) * (0.6 + random.NextDouble() * 0.8))));
            remaining = Math.Max(0, remaining - count);
            var code = codes[m];
            var name = Name(random) + Suffixes[random.Next(Suffixes.Length)];
            var withPolicies = random.Next(2) == 0;
            var start = 2024 + random.Next(4);
            var end = start + 2 + random.Next(3);
            var slug = "m" + code;
            var pillarCount = 3;
            var drawn = Enumerable.Range(0, count).Select(_ => templates[random.Next(templates.Count)]).ToList();

            var number = 0;
            var pillars = new List<Pillar>();
            for (var p = 0; p < pillarCount; p++)
            {
                var mine = drawn.Where((_, i) => i % pillarCount == p).ToList();
                var template = drawn.Count > 0 ? (mine.FirstOrDefault() ?? drawn[0]).Pillar : source.Plans[0].Pillars[0];
                var initiatives = mine.Select(t =>
                {
                    number++;
                    templateMap[$"{slug}/{number}"] = $"{t.Municipality.Slug}/{t.Initiative.Number}";
                    return Copy(t.Initiative, number, start, end, t.Plan.Period.Start);
                }).ToList();
                var indicators = pillarIndicators.Count > 0 && random.Next(2) == 0
                    ? [Shift(pillarIndicators[random.Next(pillarIndicators.Count)].Indicator, start - 1, end, random)]
                    : new List<Indicator>();
                if (withPolicies)
                {
                    var policies = initiatives.Chunk(Math.Max(1, 2 + random.Next(3))).Select((chunk, i) =>
                    {
                        var policyTemplate = policyTemplates[random.Next(policyTemplates.Count)];
                        return policyTemplate with
                        {
                            Number = p * 10 + i + 1,
                            Initiatives = chunk,
                            Indicators = [.. policyTemplate.Indicators.Select(ind => Shift(ind, start - 1, end, random))],
                            Page = null,
                        };
                    }).ToList();
                    pillars.Add(template with { Number = p + 1, Policies = policies, Initiatives = [], Indicators = indicators, Page = null });
                }
                else
                {
                    pillars.Add(template with { Number = p + 1, Policies = [], Initiatives = initiatives, Indicators = indicators, Page = null });
                }
            }
            pillars = [.. pillars.Where(p => p.Policies.Count > 0 || p.Initiatives.Count > 0)];

            var plan = new Plan
            {
                Municipality = new Municipality { Code = code, Name = name, Prefecture = Prefectures.OfCode(code)!, Slug = slug },
                Title = $"{name}DX推進計画",
                Statements = [new Statement { Label = withPolicies ? "基本理念" : "目指す姿", Text = source.Plans[random.Next(source.Plans.Count)].Vision.Replace("台東", name).Replace("KOTO", name) }],
                Period = new FiscalPeriod { Start = start, End = end },
                Published = $"{start}-03",
                Sources = [new SourceDocument { Title = $"{name}DX推進計画", Publisher = name, Note = "ベンチマーク用の合成データ(実在の計画ではありません)" }],
                Labels = withPolicies
                    ? new LevelLabels { Pillar = "目標", Policy = "施策", Initiative = "取組" }
                    : new LevelLabels { Pillar = "視点", Initiative = "取組" },
                Pillars = pillars,
            };
            // In the canonical form editors' files, CMS saves and spreadsheet imports have (block YAML), not as JSON:
            // the loader should be measured on what it reads in use.
            File.WriteAllText(Path.Combine(outputDirectory, ContentLoader.PlansFolder, slug + ".yml"),
                "# Synthetic benchmark content generated by `dxcompare bench generate`.\n" + YamlWriter.Write(plan));
        }
        File.WriteAllText(Path.Combine(outputDirectory, "templates.json"), JsonSerializer.Serialize(templateMap, OpenDataJson.PlanFile.SortedDictionaryStringString));
    }

    private static Initiative Copy(Initiative template, int number, int start, int end, int templateStart) => template with
    {
        Number = number,
        Page = null,
        TargetStateFy = template.TargetStateFy is null ? null : end,
        Indicators = [.. template.Indicators.Select(i => Move(i, start - templateStart, start - 1, end))],
        Activities = [.. template.Activities
            .Select(a => a with { Fy = Math.Clamp(a.Fy + start - templateStart, start, end), Until = a.Until is null ? null : end, Source = null })
            .DistinctBy(a => (a.Fy, a.Type))],
    };

    /// <summary>Moves values by the difference between the plans' first years, keeping them inside the new period.</summary>
    private static Indicator Move(Indicator indicator, int offset, int baselineYear, int end) => indicator with
    {
        Page = null,
        Values = [.. indicator.Values
            .Select(v => v with { Fy = v.Type == ValueKind.Baseline ? Math.Min(v.Fy + offset, baselineYear) : Math.Min(v.Fy + offset, end), Source = null, Evaluation = null, OutsidePeriod = false })
            .DistinctBy(v => (v.Fy, v.Type))],
    };

    private static Indicator Shift(Indicator indicator, int baselineYear, int end, Random random)
    {
        var first = indicator.Values.Where(v => v.Type != ValueKind.Baseline).Select(v => v.Fy).DefaultIfEmpty(baselineYear + 1).Min();
        return Move(indicator, baselineYear + 1 - first, baselineYear, end);
    }

    private static string Name(Random random) =>
        new string([NameKanji[random.Next(NameKanji.Length)], NameKanji[random.Next(NameKanji.Length)]]);

    /// <summary>Distinct real-format codes: prefecture number, a 3-digit municipality number, the check digit.</summary>
    private static List<string> Codes(Random random, int count)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        while (ordered.Count < count)
        {
            var prefix = $"{random.Next(1, 48):00}{random.Next(100, 1000):000}";
            var code = prefix + LocalGovernmentCode.CheckDigit(prefix);
            if (codes.Add(code)) ordered.Add(code);
        }
        return ordered;
    }

    private static void TempCopy(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
