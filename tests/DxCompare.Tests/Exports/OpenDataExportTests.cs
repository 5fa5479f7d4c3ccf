using DxCompare.Exports;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Exports;

public class OpenDataExportTests
{
    private static string[] Export(Action<DxCompare.Model.ContentSet, TextWriter> write)
    {
        var writer = new StringWriter();
        write(Repository.Content, writer);
        return writer.ToString().TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void Initiatives_csv_has_one_row_per_initiative_with_the_agreed_columns()
    {
        var lines = Export(OpenDataExport.WriteInitiatives);
        Assert.Equal("lg_code,municipality,pillar_number,pillar_title,policy_number,policy_title,number,title,departments,is_new,topics,topic_labels,url,pillar_label,policy_label,label,id", lines[0]);
        Assert.Equal(38 + 22 + 1, lines.Length);
        Assert.Contains("131067,台東区,1,便利で快適な行政サービスの提供,1,行政手続き等のオンライン化によるサービス向上,4,窓口業務改革,情報政策課;戸籍住民サービス課,true,counter-reform;online-procedures;rpa-no-code,窓口改革;オンライン手続;RPA・ノーコード,/taito/initiatives/4/,1,1,4,4", lines);
        Assert.Contains(lines, l => l.StartsWith("131083,江東区,1,区民にやさしい,,,1,窓口改革の推進,,false,", StringComparison.Ordinal));
    }

    [Fact]
    public void Indicators_csv_is_long_format_with_units_and_blank_not_zero()
    {
        var lines = Export(OpenDataExport.WriteIndicators);
        Assert.Equal("lg_code,municipality,attached_to,attached_number,indicator_name,metric_id,kind,fy,value_type,value,unit,qualifier,status_text,note,"
            + "attached_label,metric_variant,until,period_text,outside_period,status_class,qualifier_class,evaluation,evaluation_meaning,source_id,source_title,source_published,source_page,revised_in,decision,definition", lines[0]);
        Assert.Contains("131083,江東区,pillar,1,オンラインで申請できる手続の割合,online-procedure-rate,指標,2025,actual,54,%,,,※法令等においてオンライン申請を不可としている手続を除く / 計画の目標値 100%,1,,,,,,,,,progress-2026,DX推進計画の進捗状況,2026-04,,,,", lines);
        Assert.Contains("131083,江東区,pillar,1,オンラインで申請できる手続の割合,online-procedure-rate,指標,2025,target,48,%,,,※法令等においてオンライン申請を不可としている手続を除く / 計画の目標値 100%,1,,,,,,,,,plan-2025,江東区DX推進計画,2025-03,,,,", lines);
        Assert.Contains(lines, l => l.StartsWith("131067,台東区,initiative,1,行政手続きのオンライン手続き比率,online-procedure-rate,事業計画,2026,target,27,%,,,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("131067,台東区,initiative,2,オンライン相談対象事業の拡充,,事業計画,2026,target,,,,推進,,2,,,,,operation,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("131067,台東区,policy,14,教材研究・指導の準備・評価・校務などにICTを活用する能力「あまりできない」「ほとんどできない」と回答した教員の割合,,評価指標,2028,target,5.0,%,未満,,※学校における教育の情報化の実態等に関する調査による,14,,,,,,below,", StringComparison.Ordinal));
        var valueRows = Repository.Content.Indicators.Sum(i => i.Indicator.Values.Count);
        Assert.Equal(valueRows + 1, lines.Length);
    }

    [Fact]
    public void Plans_json_round_trip_loses_nothing()
    {
        var json = OpenDataExport.ToJson(Repository.Content);
        var document = OpenDataExport.FromJson(json);
        var again = OpenDataExport.ToJson(new DxCompare.Model.ContentSet(document.Plans, document.Topics, document.Metrics, []));
        Assert.Equal(json, again);
        Assert.Contains("\"scope_note\":\"※法令等においてオンライン申請を不可としている手続を除く\"", json);
        Assert.DoesNotContain("\\u", json);
        var koto = document.Plans.Single(p => p.Municipality.Slug == "koto");
        Assert.Equal(22, koto.Pillars.Sum(p => p.Initiatives.Count));
        Assert.Equal(5.0m, document.Plans.SelectMany(DxCompare.Model.ContentSet.IndicatorsOf).SelectMany(i => i.Indicator.Values).First(v => v.Qualifier == "未満").Value);
    }

    [Fact]
    public void Export_writes_excel_ready_csvs_with_a_readme_and_per_topic_and_per_metric_files()
    {
        using var output = new TempContent();
        var folder = Path.Combine(output.Directory, "data");
        var files = OpenDataExport.WriteAll(Repository.Content, folder, "https://example.org/");
        Assert.Equal(["initiatives.csv", "indicators.csv", "plans.json", "schema.json", "README.txt"], files.Take(5));
        Assert.Contains("topics/childcare.csv", files);
        Assert.Contains("metrics/online-procedure-rate.csv", files);
        Assert.All(files, f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 100, f));
        foreach (var csv in files.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(Path.Combine(folder, csv))[..3]);
        Assert.Contains(",https://example.org/koto/initiatives/1/", File.ReadAllText(Path.Combine(folder, "topics/online-procedures.csv")));
        var metric = File.ReadAllLines(Path.Combine(folder, "metrics/online-procedure-rate.csv"));
        Assert.All(metric.Skip(1), line => Assert.Contains(",online-procedure-rate,", line));
        Assert.Contains("fy\t年度(西暦。令和8年度=2026)", File.ReadAllText(Path.Combine(folder, "README.txt")));
        Assert.Equal(OpenDataExport.ToJson(Repository.Content), File.ReadAllText(Path.Combine(folder, "plans.json")));
    }

    /// <summary>The real content with Koto's first initiative retitled: Taito's plan stays the same object, as the content cache hands it back.</summary>
    private static DxCompare.Model.ContentSet WithKotoRetitled(string title) => WithRetitled(Repository.Content, "koto", title);

    /// <summary><paramref name="content"/> with the first initiative of <paramref name="slug"/>'s plan retitled; every other plan stays the same object.</summary>
    private static DxCompare.Model.ContentSet WithRetitled(DxCompare.Model.ContentSet content, string slug, string title)
    {
        var plan = content.Plans.Single(p => p.Municipality.Slug == slug);
        var pillar = plan.Pillars[0];
        var edited = plan with { Pillars = [pillar with { Initiatives = [pillar.Initiatives[0] with { Title = title }, .. pillar.Initiatives.Skip(1)] }, .. plan.Pillars.Skip(1)] };
        return new DxCompare.Model.ContentSet(content.Plans.Select(p => ReferenceEquals(p, plan) ? edited : p), content.Topics, content.Metrics, content.Pages, content.Vocabulary);
    }

    [Fact]
    public void After_one_plan_changed_the_files_written_from_the_earlier_ones_are_what_a_fresh_export_writes()
    {
        using var output = new TempContent();
        var earlier = Path.Combine(output.Directory, "earlier");
        var (_, parts) = OpenDataExport.WriteAll(Repository.Content, earlier, "https://example.org/", null);
        var content = WithKotoRetitled("窓口改革の推進(改訂)");

        var updated = Path.Combine(output.Directory, "updated");
        var fresh = Path.Combine(output.Directory, "fresh");
        var (files, _) = OpenDataExport.WriteAll(content, updated, "https://example.org/", new OpenDataExport.Earlier(earlier, parts, new HashSet<string> { "koto" }));
        OpenDataExport.WriteAll(content, fresh, "https://example.org/", null);

        Assert.All(files, file => Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, file)), File.ReadAllBytes(Path.Combine(updated, file))));
        Assert.Contains(",1,窓口改革の推進(改訂),", File.ReadAllText(Path.Combine(updated, "initiatives.csv")));
        Assert.Contains("\"title\":\"窓口改革の推進(改訂)\"", File.ReadAllText(Path.Combine(updated, "plans.json")));
    }

    [Fact]
    public void An_unchanged_plans_rows_are_copied_from_the_earlier_file_and_a_changed_plans_made_again()
    {
        using var output = new TempContent();
        var earlier = Path.Combine(output.Directory, "earlier");
        var (_, parts) = OpenDataExport.WriteAll(Repository.Content, earlier, "https://example.org/", null);
        // Marks Taito's and Koto's rows in the earlier file (same length, so the recorded parts still fit it).
        var csv = Path.Combine(earlier, "initiatives.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("台東区", "台東Ｘ").Replace("江東区", "江東Ｘ"), new System.Text.UTF8Encoding(true));

        var updated = Path.Combine(output.Directory, "updated");
        OpenDataExport.WriteAll(WithKotoRetitled("窓口改革の推進(改訂)"), updated, "https://example.org/", new OpenDataExport.Earlier(earlier, parts, new HashSet<string> { "koto" }));

        var rows = File.ReadAllLines(Path.Combine(updated, "initiatives.csv"));
        Assert.Equal(38, rows.Count(r => r.StartsWith("131067,台東Ｘ,", StringComparison.Ordinal)));
        Assert.Equal(22, rows.Count(r => r.StartsWith("131083,江東区,", StringComparison.Ordinal)));
    }

    [Fact]
    public void With_plans_edited_and_removed_between_unchanged_ones_each_unchanged_plan_keeps_its_rows_from_the_earlier_file_in_order()
    {
        using var output = new TempContent();
        var generated = Path.Combine(output.Directory, "content");
        DxCompare.Bench.SyntheticCorpus.Write(Repository.Content, Repository.ContentDirectory, new DxCompare.Bench.CorpusRequest(Municipalities: 7, Initiatives: 140, Seed: 5), generated);
        var content = DxCompare.Content.ContentLoader.Load(generated).Content!;
        var earlier = Path.Combine(output.Directory, "earlier");
        var (_, parts) = OpenDataExport.WriteAll(content, earlier, "https://example.org/", null);
        // Marks every row of the earlier file (same length, so the recorded parts still fit it).
        var csv = Path.Combine(earlier, "initiatives.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("https://example.org/", "https://example.net/"), new System.Text.UTF8Encoding(true));
        // The second plan removed and a later one retitled, with unchanged plans between and after them: the parts of the
        // first and third plans are not adjacent in the earlier file.
        var middle = content.Plans.Skip(3).SkipLast(1).First(p => p.Pillars[0].Initiatives.Count > 0).Municipality;
        var retitled = WithRetitled(content, middle.Slug, "書かない窓口の推進(改訂)");
        var edited = new DxCompare.Model.ContentSet(retitled.Plans.Where((_, i) => i != 1), content.Topics, content.Metrics, content.Pages, content.Vocabulary);

        var updated = Path.Combine(output.Directory, "updated");
        var fresh = Path.Combine(output.Directory, "fresh");
        OpenDataExport.WriteAll(edited, updated, "https://example.org/", new OpenDataExport.Earlier(earlier, parts, new HashSet<string> { middle.Slug }));
        OpenDataExport.WriteAll(edited, fresh, "https://example.org/", null);

        var rows = File.ReadAllLines(Path.Combine(updated, "initiatives.csv"));
        Assert.Equal(File.ReadAllLines(Path.Combine(fresh, "initiatives.csv")), rows.Select(r => r.Replace("https://example.net/", "https://example.org/")));
        var rowsOf = rows.Skip(1).GroupBy(r => r.Split(',')[0]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(6, rowsOf.Count);
        Assert.All(rowsOf, plan => Assert.All(plan.Value, row =>
            Assert.Contains(plan.Key == middle.Code ? "https://example.org/" : "https://example.net/", row)));
        Assert.Contains(rowsOf[middle.Code], row => row.Contains(",書かない窓口の推進(改訂),", StringComparison.Ordinal));
    }

    [Fact]
    public void An_earlier_file_that_is_not_the_one_its_parts_describe_is_not_copied_from()
    {
        using var output = new TempContent();
        var earlier = Path.Combine(output.Directory, "earlier");
        var (_, parts) = OpenDataExport.WriteAll(Repository.Content, earlier, "https://example.org/", null);
        File.AppendAllText(Path.Combine(earlier, "initiatives.csv"), "written by something else\n");

        var updated = Path.Combine(output.Directory, "updated");
        OpenDataExport.WriteAll(Repository.Content, updated, "https://example.org/", new OpenDataExport.Earlier(earlier, parts, new HashSet<string>()));

        Assert.Equal(File.ReadAllLines(Path.Combine(earlier, "initiatives.csv"))[..^1], File.ReadAllLines(Path.Combine(updated, "initiatives.csv")));
    }
}
