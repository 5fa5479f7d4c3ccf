using DxCompare.Tests.Support;

namespace DxCompare.Tests.Pages;

/// <summary>Facts a reader sees on the generated pages.</summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BuiltSiteCollection.Name)]
public class PageContentTests(BuiltSite site)
{
    /// <summary>/data/ is rendered after the other pages, once the downloads are written: each size is its file's.</summary>
    [Fact]
    public void Every_download_on_the_data_page_shows_the_size_of_the_file_the_build_wrote()
    {
        // The per-topic and per-metric CSVs are listed without sizes; every other download has one.
        var sized = site.Page("/data/").QuerySelectorAll("a[download]").Where(a => a.ParentElement!.QuerySelector(".size") is not null).ToList();
        string[] expected = ["/data/initiatives.csv", "/data/indicators.csv", "/data/plans.json", "/data/schema.json", "/data/README.txt",
            "/data/sheets/taito.xlsx", "/data/sheets/koto.xlsx", "/data/sheets/template.xlsx"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), sized.Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        foreach (var link in sized)
        {
            var file = new FileInfo(site.FileFor(link.GetAttribute("href")!));
            Assert.True(file.Exists, file.FullName);
            var size = Humanizer.ByteSizeExtensions.Bytes(file.Length).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(size, link.ParentElement!.QuerySelector(".size")!.TextContent.Trim());
        }
    }

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
        Assert.Contains("江東区: 令和7年度（2025年度）の実績は54%で、目標 48%を達成しました。", progress);
        Assert.Contains("台東区: 実績値はまだ公表されていません(基準値は令和7年度（2025年度）の20%)。", progress);

        var caveat = BuiltSite.Text(page.QuerySelector(".caveat"));
        Assert.Contains("江東区「オンラインで申請できる手続の割合」（%）: ※法令等においてオンライン申請を不可としている手続を除く", caveat);
        Assert.Contains("台東区「行政手続きのオンライン手続き比率」（%）: 区の行政手続き全体に占める、オンラインで手続きできる手続きの割合。", caveat);
        // Taito's count of procedures is another variant of the metric: shown apart, never in the percentage comparison.
        Assert.Contains("台東区「オンライン化した手続き数」 基準 約400手続（令和7年度） → 目標 約800手続（令和10年度）", BuiltSite.Text(page.GetElementById("variant-count")!.ParentElement));
        Assert.DoesNotContain("800", table);

        var chart = page.QuerySelector("svg.chart-wide[role=img]")!;
        var description = BuiltSite.Text(page.GetElementById(chart.GetAttribute("aria-labelledby")!.Split(' ')[1]));
        Assert.Contains("台東区: 令和7年度基準値・現況20%、令和8年度目標値27%、令和9年度目標値34%、令和10年度目標値40%。", description);
        Assert.Contains("江東区: 令和6年度基準値・現況12.1%、令和7年度目標値48%、令和7年度実績値54%、令和8年度目標値92%", description);
    }

    [Fact]
    public void Home_page_headline_answers_who_reaches_100_percent_first_and_compares_the_same_year()
    {
        var page = site.Page("/");
        var headline = BuiltSite.Text(page.GetElementById("headline-online-procedure-rate")!.ParentElement);
        Assert.Contains("100%に最初に達する目標を立てているのは江東区で、令和9年度（2027年度）です。台東区の最終目標は令和10年度（2028年度）の40%です。", headline);
        Assert.Contains("同じ令和10年度（2028年度）の目標で比べると、台東区 40%、江東区 100%です。", headline);
        Assert.Contains("江東区: 令和7年度（2025年度）の実績は54%で、目標 48%を達成しました。", headline);
        Assert.Contains("比較上の注意", headline);
        // The chart has every fiscal year on its axis (令和5 has no value) and labels each line at its end.
        var chart = page.QuerySelector("#headline-online-procedure-rate ~ .answer svg.chart-narrow")!;
        Assert.Equal(["令和6", "7", "8", "9", "10", "11"], chart.QuerySelectorAll("text.axis:not(.axis-sub)").Select(t => t.TextContent).Where(t => !t.EndsWith('%')));
        Assert.Equal(["江東区 100%", "台東区 40%"], chart.QuerySelectorAll("text.end-label").Select(t => t.TextContent));
        // The answer comes before the list of plans, so a phone reader meets it first.
        Assert.True(page.Body!.InnerHtml.IndexOf("headline-online-procedure-rate", StringComparison.Ordinal) < page.Body.InnerHtml.IndexOf("plans-heading", StringComparison.Ordinal));
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
        Assert.StartsWith("令和8年度取組計画（表の令和8〜11年度の欄）", plans);
        Assert.Contains("高齢者向けスマートフォン教室・相談会の継続", plans);
    }

    [Fact]
    public void Koto_initiative_pages_cite_the_progress_report_for_fy2025_actuals_and_the_plan_for_its_targets()
    {
        var page = site.Page("/koto/initiatives/1/");
        var card = BuiltSite.Text(page.GetElementById("kpi-1"));
        Assert.StartsWith("オンラインで申請できる手続の割合 基準 12.1%（令和6年度） → 目標 48%（令和7年度）", card);
        Assert.Contains("出典（目標値（令和7〜11年度））: 江東区「江東区DX推進計画」（令和7年3月）", card);
        Assert.Contains("出典（基準値・現況（令和6年度）、実績値（令和7年度））: 江東区「DX推進計画の進捗状況」（令和8年4月）", card);
        Assert.EndsWith("出典: DX推進計画の進捗状況（令和8年4月）", BuiltSite.Text(page.GetElementById("activity-2025-result")!.ParentElement));
        Assert.Equal("江東区「江東区DX推進計画」（令和7年3月） 江東区「DX推進計画の進捗状況」（令和8年4月）", BuiltSite.Text(page.GetElementById("source-heading")!.ParentElement).Replace("出典 ", ""));
    }

    [Fact]
    public void Koto_viewpoint_indicator_shows_actual_against_target()
    {
        var page = site.Page("/koto/");
        var card = page.GetElementById("pillar-1-indicator-1")!;
        Assert.Contains("オンラインで申請できる手続の割合 基準 12.1%（令和6年度） → 目標 48%（令和7年度） → 92%（令和8年度） → 100%（令和9〜11年度） 実績 54%（令和7年度）、目標 48%を達成", BuiltSite.Text(card));
        Assert.NotNull(card.QuerySelector("svg.chart-narrow"));
        Assert.Contains("出典（目標値（令和7〜11年度））: 江東区「江東区DX推進計画」（令和7年3月）", BuiltSite.Text(card));
        Assert.Contains("出典（基準値・現況（令和6年度）、実績値（令和7年度））: 江東区「DX推進計画の進捗状況」（令和8年4月）", BuiltSite.Text(card));
        Assert.Contains("令和7年度（2025年度） 48% 54%", BuiltSite.Text(card.QuerySelector("table")));
        Assert.Contains("3視点・22取組", BuiltSite.Text(page.QuerySelector("dl.facts")));
    }

    [Fact]
    public void Topic_page_has_one_column_per_municipality_with_what_each_initiative_does()
    {
        var page = site.Page("/topics/telework-workstyle/");
        var columns = page.QuerySelectorAll(".compare-columns > section").ToList();
        Assert.Equal(["taito", "koto"], columns.Select(c => c.GetAttribute("data-municipality")));
        Assert.Equal(["col-1", "col-2"], columns.Select(c => c.ClassList.First(n => n.StartsWith("col-", StringComparison.Ordinal))));
        Assert.Contains("取組31 テレワーク、フリーアドレスの推進", BuiltSite.Text(columns[0]));
        Assert.Contains("取組7 効率的な職場環境の整備", BuiltSite.Text(columns[1]));
        Assert.Equal(["taito", "koto"], page.QuerySelectorAll("[data-municipality-picker] input[name=m]").Select(i => i.GetAttribute("value")));
        // Without JavaScript the picker still works (CSS hides a column by its box), so it offers no submit button.
        Assert.Empty(page.QuerySelectorAll("[data-municipality-picker] button"));
        Assert.Equal(["1", "2"], page.QuerySelectorAll("[data-municipality-picker] input[name=m]").Select(i => i.GetAttribute("data-col")));

        var online = site.Page("/topics/online-procedures/");
        var taito = BuiltSite.Text(online.QuerySelector("[data-municipality=taito]"));
        Assert.Contains("取組2 オンライン相談の拡充 法律相談等の一部事業で実施しているオンライン相談を他の相談業務にも拡大する", taito);
        Assert.Contains("行政手続きのオンライン手続き比率 基準 20%（令和7年度） → 目標 40%（令和10年度） オンライン手続の割合を他の自治体とくらべる", taito);
        Assert.Contains("100%に最初に達する目標を立てているのは江東区", BuiltSite.Text(online.GetElementById("metric-online-procedure-rate")!.ParentElement));
        Assert.NotNull(online.QuerySelector("a[href='/data/topics/online-procedures.csv']"));
    }

    [Fact]
    public void Compare_page_shows_initiative_titles_and_key_figures_not_counts()
    {
        var page = site.Page("/compare/");
        var row = page.QuerySelectorAll("table.compare-table tbody tr").First(r => BuiltSite.Text(r.QuerySelector("th")).StartsWith("オンライン手続", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").ToList();
        Assert.Contains("取組1 行政手続きのオンライン化", BuiltSite.Text(cells[0]));
        Assert.Contains("オンライン手続の割合 最終目標 100%（令和11年度）", BuiltSite.Text(cells[1]));
        Assert.Equal("/koto/initiatives/1/", cells[1].QuerySelector(".cell-initiatives a")!.GetAttribute("href"));
        Assert.DoesNotMatch(@"^\d+件$", BuiltSite.Text(cells[0].QuerySelector("a")));
    }

    [Fact]
    public void Plan_page_lists_policies_in_its_table_of_contents_and_initiatives_show_their_position()
    {
        var page = site.Page("/taito/");
        var toc = page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#policy-19", toc);
        Assert.All(toc, href => Assert.NotNull(page.GetElementById(href![1..])));
        Assert.Equal("https://www.city.taito.lg.jp/", page.QuerySelector("dl.facts a[rel=external]")!.GetAttribute("href"));
        // Taito publishes no 実績値, so its tables have no empty 実績値 column.
        Assert.DoesNotContain("実績値", BuiltSite.Text(page.QuerySelector("table.values thead")));
        Assert.Contains("台東区の取組 4 / 38", BuiltSite.Text(site.Page("/taito/initiatives/4/").QuerySelector("nav.pager")));
        Assert.Contains("江東区「DX推進計画の進捗状況」（令和8年4月）", BuiltSite.Text(site.Page("/koto/initiatives/1/").GetElementById("source-heading")!.ParentElement));
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
        foreach (var file in new[] { "initiatives.csv", "indicators.csv", "plans.json", "schema.json", "README.txt", "topics/childcare.csv", "metrics/online-procedure-rate.csv" })
            Assert.True(File.Exists(Path.Combine(site.Output, "data", file)), file);
        Assert.Equal(38 + 22 + 24 + 5 + 4 + 9, site.Report.PagesWritten);
    }
}
