using DxCompare.Tests.Support;

namespace DxCompare.Tests.Pages;

/// <summary>Facts a reader sees on the generated pages.</summary>
[Collection(BuiltSiteCollection.Name)]
public class PageContentTests(BuiltSite site)
{
    [Fact]
    public void Online_procedure_comparison_shows_both_wards_targets_and_kotos_actual_against_target()
    {
        var page = site.Page("/indicators/online-procedure-rate/");
        var table = BuiltSite.Text(page.QuerySelector("table.metric-table"));
        Assert.Contains("令和7年度（2025年度） 基準値・現況 20% 目標値 48% 実績値 54%", table);
        Assert.Contains("令和10年度（2028年度） 目標値 40% 目標値 100%", table);
        Assert.Contains("令和9年度（2027年度） 目標値 34% 目標値 100%", table);
        Assert.Contains("令和6年度（2024年度） 基準値・現況 12.1%", table);

        var progress = BuiltSite.Text(page.QuerySelector(".progress-list"));
        Assert.Contains("江東区 : 目標を達成 令和7年度（2025年度）の実績 54%（目標 48%）。最終目標 令和11年度（2029年度） 100%。", progress);
        Assert.Contains("台東区 : 実績値はまだ公表されていません(最終目標 令和10年度（2028年度） 40%)。", progress);

        var caveat = BuiltSite.Text(page.QuerySelector(".caveat"));
        Assert.Contains("江東区: ※法令等においてオンライン申請を不可としている手続を除く", caveat);

        var chart = page.QuerySelector("svg[role=img]")!;
        var description = BuiltSite.Text(page.GetElementById(chart.GetAttribute("aria-labelledby")!.Split(' ')[1]));
        Assert.Contains("台東区: 令和7年度基準値・現況20%、令和8年度目標値27%、令和9年度目標値34%、令和10年度目標値40%。", description);
        Assert.Contains("江東区: 令和6年度基準値・現況12.1%、令和7年度目標値48%、令和7年度実績値54%、令和8年度目標値92%", description);
    }

    [Fact]
    public void Home_page_headline_compares_first_and_final_online_targets()
    {
        var page = site.Page("/");
        var headline = BuiltSite.Text(page.GetElementById("headline-online-procedure-rate")!.ParentElement);
        Assert.Contains("台東区 20%（令和7年度） — 40%（令和10年度）", headline);
        Assert.Contains("江東区 12.1%（令和6年度） 54%（令和7年度） 目標を達成（目標 48%） 100%（令和11年度）", headline);
        var cards = BuiltSite.Text(page.QuerySelector(".plan-cards"));
        Assert.Contains("台東区 台東区DX推進計画 計画期間 令和8〜10年度（2026〜2028年度） 構成 3目標・19施策・38取組", cards);
        Assert.Contains("江東区 江東区DX推進計画 計画期間 令和7〜11年度（2025〜2029年度） 構成 3視点・22取組", cards);
    }

    [Fact]
    public void Taito_initiative_shows_its_yearly_schedule_and_department()
    {
        var page = site.Page("/taito/initiatives/4/");
        Assert.Equal("台東区 取組4 窓口業務改革 新規", BuiltSite.Text(page.QuerySelector("h1")));
        var schedule = page.QuerySelector("table.schedule")!;
        Assert.Equal("項目 令和8年度 （2026年度） 令和9年度 （2027年度） 令和10年度 （2028年度）", BuiltSite.Text(schedule.QuerySelector("thead")));
        Assert.Equal("スマート窓口の導入 実施 推進 推進", BuiltSite.Text(schedule.QuerySelector("tbody tr")));
        Assert.Contains("担当 情報政策課、戸籍住民サービス課", BuiltSite.Text(page.QuerySelector("dl.facts")));

        var first = site.Page("/taito/initiatives/1/");
        Assert.Equal("行政手続きのオンライン手続き比率 27% 34% 40%", BuiltSite.Text(first.QuerySelector("table.schedule tbody tr")));
        Assert.Contains("江東区 取組1 窓口改革の推進", BuiltSite.Text(first.QuerySelector(".related")));
    }

    [Fact]
    public void Koto_initiative_shows_results_and_plans_with_relisted_marks()
    {
        var page = site.Page("/koto/initiatives/4/");
        var results = BuiltSite.Text(page.GetElementById("activity-2025-result")!.ParentElement);
        Assert.StartsWith("令和7年度（2025年度） 取組実績 ホームページアクセシビリティチェック等の実施 再掲", results);
        var plans = BuiltSite.Text(page.GetElementById("activity-2026-plan")!.ParentElement);
        Assert.StartsWith("令和8〜11年度（2026〜2029年度） 取組計画", plans);
        Assert.Contains("高齢者向けスマートフォン教室・相談会の継続", plans);
    }

    [Fact]
    public void Koto_viewpoint_indicator_shows_actual_against_target()
    {
        var page = site.Page("/koto/");
        var card = page.GetElementById("pillar-1-indicator-1")!;
        Assert.Contains("目標を達成（令和7年度 実績 54% / 目標 48%）", BuiltSite.Text(card));
        Assert.Contains("令和7年度（2025年度） 48% 54%", BuiltSite.Text(card.QuerySelector("table")));
        Assert.Contains("3視点・22取組", BuiltSite.Text(page.QuerySelector("dl.facts")));
    }

    [Fact]
    public void Topic_page_has_one_column_per_municipality()
    {
        var page = site.Page("/topics/telework-workstyle/");
        var headers = page.QuerySelectorAll("table.side-by-side thead th").Select(BuiltSite.Text);
        Assert.Equal(["台東区", "江東区"], headers);
        var cells = page.QuerySelectorAll("table.side-by-side tbody tr:first-child td").Select(BuiltSite.Text).ToList();
        Assert.Contains("取組31 テレワーク、フリーアドレスの推進", cells[0]);
        Assert.Contains("取組7 効率的な職場環境の整備", cells[1]);
        Assert.Equal(["taito", "koto"], page.QuerySelectorAll("[data-municipality-picker] input[name=m]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public void Fiscal_years_read_in_wareki_with_the_gregorian_year()
    {
        var plan = site.Page("/taito/");
        Assert.Contains("令和8〜10年度（2026〜2028年度）", BuiltSite.Text(plan.QuerySelector("dl.facts")));
        Assert.Equal("令和元年度（2019年度）", DxCompare.Model.FiscalYear.Label(2019));
        Assert.Equal("平成30年度（2018年度）", DxCompare.Model.FiscalYear.Label(2018));
        Assert.Equal("昭和63年度（1988年度）", DxCompare.Model.FiscalYear.Label(1988));
    }

    [Fact]
    public void Every_page_has_title_description_canonical_opengraph_breadcrumbs_and_lang()
    {
        foreach (var file in site.HtmlFiles())
        {
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(file));
            var name = Path.GetRelativePath(site.Output, file);
            Assert.Equal("ja", document.DocumentElement.GetAttribute("lang"));
            Assert.False(string.IsNullOrWhiteSpace(document.Title), name);
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")), name);
            Assert.StartsWith("https://dxcompare.netlify.app/", document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.NotNull(document.QuerySelector("meta[property='og:title']"));
            if (name != "index.html") Assert.NotNull(document.QuerySelector("nav.breadcrumbs [aria-current=page]"));
        }
    }

    [Fact]
    public void Japanese_is_written_as_characters_not_numeric_entities()
    {
        foreach (var file in site.HtmlFiles())
        {
            var html = File.ReadAllText(file);
            Assert.DoesNotMatch(@"&#x[0-9A-Fa-f]{4,};|&#\d{4,};", html);
        }
        Assert.Contains("窓口業務改革", site.Html("/taito/initiatives/4/"));
    }

    [Fact]
    public void Site_wide_files_exist()
    {
        Assert.Contains("<loc>https://dxcompare.netlify.app/taito/initiatives/38/</loc>", File.ReadAllText(Path.Combine(site.Output, "sitemap.xml")));
        Assert.Contains("Sitemap: https://dxcompare.netlify.app/sitemap.xml", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));
        Assert.Contains("ページが見つかりません", site.Html("/404.html"));
        foreach (var file in new[] { "initiatives.csv", "indicators.csv", "plans.json", "schema.json" })
            Assert.True(File.Exists(Path.Combine(site.Output, "data", file)), file);
        Assert.Equal(38 + 22 + 24 + 5 + 4 + 9, site.Report.PagesWritten);
    }
}
