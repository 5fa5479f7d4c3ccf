using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DxCompare.Build;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.RealPlans;

/// <summary>
/// Fixture plans shaped like real municipal DX documents (Fixtures/realplans): a 政令市 strategy numbered per parent and
/// printed "No 1.1.1" with a long-term target; a 市 plan graded A–D with two progress reports, a revised target and an
/// end-of-plan decision; a draft with placeholders. Built once as the public site and once as `serve` shows it.
/// </summary>
public sealed class RealPlanSites : IDisposable
{
    public RealPlanSites()
    {
        Content = new TempContent();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(FixtureDirectory, "plans")))
            File.Copy(file, Path.Combine(Content.Directory, "plans", Path.GetFileName(file)));
        Public = Build(includeDrafts: false);
        Serve = Build(includeDrafts: true);
    }

    public static string FixtureDirectory => Path.Combine(Repository.Root, "tests", "DxCompare.Tests", "Fixtures", "realplans");

    public TempContent Content { get; }
    public string Public { get; }
    public string Serve { get; }

    private string Build(bool includeDrafts)
    {
        var output = Path.Combine(Content.Directory, includeDrafts ? "serve" : "public");
        var options = new BuildOptions(Content.Directory, Path.Combine(Repository.Root, "theme"), output, BuildOptions.DefaultBaseUrl) { IncludeDrafts = includeDrafts };
        var report = SiteBuilder.BuildAsync(options).GetAwaiter().GetResult();
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));
        return output;
    }

    public static IDocument Page(string output, string url) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, url.TrimStart('/'), "index.html")));

    public void Dispose() => Content.Dispose();
}

[Trait(Speed.Trait, Speed.Slow)]
public class RealPlanShapesTests(RealPlanSites sites) : IClassFixture<RealPlanSites>
{
    private string Text(string url, string? selector = null)
    {
        var page = RealPlanSites.Page(sites.Public, url);
        return BuiltSite.Text(selector is null ? page.QuerySelector("main") : page.QuerySelector(selector));
    }

    private string[] Csv(string name) => File.ReadAllLines(Path.Combine(sites.Public, "data", name));

    [Fact]
    public void Numbers_restart_under_each_parent_and_keep_the_label_the_plan_prints()
    {
        var plan = Text("/seirei/");
        Assert.Contains("重点方針1 市民サービスの向上 テーマ1 手続のオンライン化", plan);
        Assert.Contains("重点方針Ⅱ 職員の働き方改革 テーマ1 テレワーク アクション(1)-② テレワーク環境の整備", plan);
        Assert.Contains("アクションNo 1.1.1 電子申請の拡大 アクションNo 1.1.2 手数料のキャッシュレス化 テーマ2 窓口の改革 アクションNo 1.2.1 書かない窓口", plan);
        // Each initiative has its own URL from its id, though three of them are number 1.
        Assert.Equal(["1-1-1", "1-1-2", "1-2-1", "2-1-1"], Directory.EnumerateDirectories(Path.Combine(sites.Public, "seirei", "initiatives")).Select(Path.GetFileName).Order());
        Assert.StartsWith("試験政令市 アクションNo 1.1.1 電子申請の拡大", Text("/seirei/initiatives/1-1-1/", "h1"));
        Assert.Contains("アクションNo 1.1.1 電子申請の拡大", BuiltSite.Text(RealPlanSites.Page(sites.Public, "/topics/online-procedures/").QuerySelector("main")));
        Assert.Contains("141003,試験政令市,2,職員の働き方改革,1,テレワーク,1,テレワーク環境の整備,,false,telework-workstyle,テレワーク・働き方改革,https://dxcompare.netlify.app/seirei/initiatives/2-1-1/,Ⅱ,1,(1)-②,2-1-1", Csv("initiatives.csv"));
    }

    [Fact]
    public void A_plan_that_never_marks_新規_says_nothing_about_it()
    {
        Assert.DoesNotContain("新規", Text("/graded/initiatives/1/", "dl.facts"));
        Assert.DoesNotContain("新規", Text("/seirei/initiatives/1-1-1/", "dl.facts"));
    }

    [Fact]
    public void Statements_are_shown_in_the_plans_order()
    {
        Assert.StartsWith("Mission 市民の時間を生み出す Vision 手続が家で完結するまち Value 誰一人取り残さない 計画期間 令和6年1月〜令和7年度（2023〜2025年度）", Text("/graded/", "dl.facts"));
        Assert.StartsWith("基本理念 デジタルで誰もが暮らしやすいまち 基本的考え方 市民の目線でサービスを見直す", Text("/seirei/", "dl.facts"));
    }

    [Fact]
    public void A_long_term_target_after_the_period_is_shown_as_such_and_evaluations_beside_the_figures()
    {
        var card = Text("/seirei/initiatives/1-1-1/", "#kpi-1");
        Assert.Contains("基準 30%（令和3年度） → 目標 60%（令和5年度） → 80%（令和7年度） → 100%（令和12年度・計画期間外） 実績 65%（令和5年度、評価 達成）、目標 60%を達成", card);
        Assert.Contains("令和5年度（2023年度） 60% 65% 評価 達成（目標値を達成）", card);
        Assert.Contains("令和12年度（2030年度） 100% 計画期間後の目標 長期目標", card);
        Assert.Contains("出典（実績値（令和5年度））: 試験政令市「試験政令市DX戦略 進捗状況」（令和6年6月） 4ページ", card);
        Assert.Contains("出典（基準値・現況（令和3年度）、目標値（令和5〜12年度））: 試験政令市「試験政令市DX戦略」（令和4年3月）", card);
        // The status words the plan prints, kept as printed and compared by class.
        Assert.Contains("電子申請システムの導入 試行検討 制定", Text("/seirei/initiatives/1-1-1/", "table.schedule"));
        var rows = Csv("indicators.csv");
        Assert.Contains(rows, r => r.StartsWith("141003,試験政令市,policy,1,オンライン化した手続の割合,online-procedure-rate,評価指標,2030,target,100,%,,,長期目標,1,,,,true,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("141003,試験政令市,initiative,1,電子申請システムの導入,,事業計画,2023,target,,,,制定,,No 1.1.1,,,,,implementation,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",2023,actual,65,%,,,,1,,,,,,,達成,目標値を達成,progress-2024,試験政令市DX戦略 進捗状況,2024-06,4,,,", StringComparison.Ordinal));
        // The comparison uses the last target inside the period, not the long-term one.
        Assert.Contains("試験政令市の最終目標は令和7年度（2025年度）の80%です。", Text("/indicators/online-procedure-rate/"));
    }

    [Fact]
    public void A_plan_graded_A_to_D_shows_each_grade_with_its_legend_the_revised_target_and_the_decision()
    {
        var card = Text("/graded/", "#pillar-1-indicator-1");
        Assert.Contains("基準 100手続（令和4年度） → 目標 150手続（令和5年度） → 250手続（令和6年度） → 300手続を目途（令和7年度） 実績 240手続（令和6年度、評価 C）、目標 250手続に届かず", card);
        Assert.Contains("令和5年度（2023年度） 150手続 160手続 評価 A（目標を上回った）", card);
        Assert.Contains("令和6年度（2024年度） 250手続 当初 200手続（試験市DX推進計画、令和6年1月）から改定 KPI進捗状況（令和5年度）（令和6年7月）による 240手続 評価 C（目標を下回った）", card);
        Assert.Contains("評価 令和6年度 C（目標を下回った）、令和5年度 A（目標を上回った）", card);
        Assert.Contains("計画終了時の判断 第2期計画で継続 KPI進捗状況（令和6年度）（令和7年7月）", card);
        Assert.Contains("評価の凡例 A 目標を上回った B 目標どおり C 目標を下回った D 未着手", Text("/graded/", "#sources-heading + ul"));
        var rows = Csv("indicators.csv");
        Assert.Contains("272035,試験市,pillar,1,オンライン申請できる手続の数,online-procedure-rate,指標,2024,target,200,手続,,,,1,count,,,,,,,,plan,試験市DX推進計画,2024-01,,report-2024,第2期計画で継続,市の手続のうち、オンラインで申請できるものの数。", rows);
        Assert.Contains("272035,試験市,pillar,1,オンライン申請できる手続の数,online-procedure-rate,指標,2024,actual,240,手続,,,,1,count,,,,,,C,目標を下回った,report-2025,KPI進捗状況（令和6年度）,2025-07,,,第2期計画で継続,市の手続のうち、オンラインで申請できるものの数。", rows);
    }

    [Fact]
    public void Calendar_years_spans_and_qualifiers_read_in_the_plans_own_terms()
    {
        Assert.Contains("窓口の平均待ち時間 基準 40分（令和5年） → 目標 約30分（令和6年）", Text("/graded/", "#pillar-1-indicator-2"));
        Assert.Contains("電子契約の件数 基準 1,200件（R3年5月〜R5年3月） → 目標 3,000件（令和7年度） 指標 再掲", Text("/graded/", "#pillar-1-indicator-3"));
        Assert.Contains(Csv("indicators.csv"), r => r.Contains("電子契約の件数,,指標,2021,baseline,1200,件,,,,1,,2022,R3年5月〜R5年3月,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_metric_variant_in_another_unit_is_shown_apart_with_a_generated_caveat_per_municipality()
    {
        var metric = RealPlanSites.Page(sites.Public, "/indicators/online-procedure-rate/");
        var caveat = BuiltSite.Text(metric.QuerySelector(".caveat"));
        Assert.Contains("試験政令市「オンライン化した手続の割合」（%）: 市の手続全体に占める、オンラインで申請できる手続の割合。", caveat);
        Assert.Contains("試験市「オンライン申請できる手続の数」（オンライン化した手続きの数、手続）: 市の手続のうち、オンラインで申請できるものの数。", caveat);
        Assert.StartsWith("別の測り方: オンライン化した手続きの数（手続）", BuiltSite.Text(metric.GetElementById("variant-count")!.ParentElement));
        Assert.DoesNotContain("手続", BuiltSite.Text(metric.QuerySelector("table.metric-table")).Replace("手続の割合", ""));
        Assert.Contains(File.ReadAllLines(Path.Combine(sites.Public, "data", "metrics", "online-procedure-rate.csv")), r => r.Contains(",count,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_draft_is_never_published_and_serve_shows_it_marked_作成中()
    {
        Assert.False(Directory.Exists(Path.Combine(sites.Public, "draft-ku")));
        Assert.DoesNotContain("試験区", File.ReadAllText(Path.Combine(sites.Public, "index.html")));
        Assert.DoesNotContain(Csv("initiatives.csv").Concat(Csv("indicators.csv")), r => r.Contains("131130", StringComparison.Ordinal));
        var draft = RealPlanSites.Page(sites.Serve, "/draft-ku/");
        Assert.Equal("作成中 この計画は入力の途中です。公開サイトには表示されません。", BuiltSite.Text(draft.QuerySelector(".draft-banner")));
    }
}
