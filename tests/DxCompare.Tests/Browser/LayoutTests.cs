using DxCompare.Model;
using DxCompare.Pages;
using DxCompare.Tests.Support;
using Microsoft.Playwright;

namespace DxCompare.Tests.Browser;

/// <summary>What a reader sees at 375 px (a phone) and 1280 px (a desktop): no page type scrolls sideways, the answers are on screen.</summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public class LayoutTests(BrowserFixture browser)
{
    public static TheoryData<string, int> PageTypesAtBothWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in AccessibilityTests.Paths)
            foreach (var width in new[] { 375, 1280 }) data.Add(path, width);
        return data;
    }

    private async Task<IPage> OpenAsync(string path, int width, bool javaScript = true)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + path);
        return page;
    }

    [Theory]
    [MemberData(nameof(PageTypesAtBothWidths))]
    public async Task Page_does_not_scroll_horizontally_and_its_controls_are_at_least_44_px(string path, int width)
    {
        var page = await OpenAsync(path, width);
        try
        {
            if (path.StartsWith("/search/", StringComparison.Ordinal))
                await Assertions.Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{path} at {width} px is {scrollWidth} px wide");
            var small = await page.EvaluateAsync<string[]>(@"[...document.querySelectorAll('button, input:not([type=checkbox]):not([type=hidden]), select, .picker label, .main-nav a')]
                .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
                .map(e => e.outerHTML.slice(0, 80))");
            Assert.True(small.Length == 0, string.Join("\n", small));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Home_page_states_who_reaches_100_percent_first_and_its_chart_text_is_at_least_12_px(int width)
    {
        var page = await OpenAsync("/", width);
        try
        {
            var answer = await page.InnerTextAsync("#headline-online-procedure-rate ~ .answer .answer-text");
            Assert.Contains("100%に最初に達する目標を立てているのは江東区で、令和9年度（2027年度）です。", answer);
            var sizes = await page.EvaluateAsync<double[]>(@"[...document.querySelectorAll('.answer svg.chart-svg')].filter(s => s.getBoundingClientRect().width > 0)
                .flatMap(s => [...s.querySelectorAll('text')].map(t => t.getBoundingClientRect().height))");
            Assert.NotEmpty(sizes);
            // A text box is about 1.2 × its font size; 12 px text is at least 14 px tall as drawn.
            Assert.True(sizes.Min() >= 14, $"smallest chart text box {sizes.Min()} px at {width} px");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Texts of the charts shown that reach outside their drawing (and so are cut off), or overlap another text. A text's box is
    /// its glyphs' em box: getBBox adds the font's line gap above and below, which stacked lines 16 units apart share.
    /// </summary>
    private const string ChartTextOutsideItsDrawing = """
        [...document.querySelectorAll('svg.chart-svg')].filter(s => s.getBoundingClientRect().width > 0).flatMap(svg => {
          const view = svg.viewBox.baseVal;
          const texts = [...svg.querySelectorAll('text')].map(t => {
            const b = t.getBBox(), leading = Math.max(0, (t.getExtentOfChar(0).height - parseFloat(getComputedStyle(t).fontSize)) / 2);
            return [t, { x: b.x, y: b.y + leading, width: b.width, height: b.height - 2 * leading }];
          });
          const describe = (t, b) => `${t.textContent} at ${b.x.toFixed(0)},${b.y.toFixed(0)} size ${b.width.toFixed(0)}x${b.height.toFixed(0)} in ${view.width}x${view.height}`;
          const outside = texts.filter(([, b]) => b.x < 0 || b.y < 0 || b.x + b.width > view.width || b.y + b.height > view.height)
            .map(([t, b]) => 'outside: ' + describe(t, b));
          const overlapping = texts.flatMap(([t, b], i) => texts.slice(i + 1)
            .filter(([, o]) => b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height)
            .map(([u, o]) => 'overlap: ' + describe(t, b) + ' / ' + describe(u, o)));
          return outside.concat(overlapping);
        })
        """;

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Every_chart_of_the_site_draws_its_labels_whole_inside_the_chart(int width)
    {
        var chartPages = Directory.EnumerateFiles(browser.Output, "index.html", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("chart-svg", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(browser.Output, Path.GetDirectoryName(file)!))
            .Select(folder => folder == "." ? "/" : $"/{folder.Replace(Path.DirectorySeparatorChar, '/')}/").ToList();
        Assert.Contains(SiteUrls.Metric("it-certified-staff"), chartPages);
        var cut = new List<string>();
        foreach (var path in chartPages)
        {
            var page = await OpenAsync(path, width);
            try
            {
                cut.AddRange((await page.EvaluateAsync<string[]>(ChartTextOutsideItsDrawing)).Select(problem => $"{path}: {problem}"));
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
        Assert.True(cut.Count == 0, $"{cut.Count} chart texts cut off or overlapping at {width} px in {chartPages.Count} pages:\n" + string.Join("\n", cut));
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Long_names_and_units_and_eight_lines_ending_together_still_fit_their_chart(int width)
    {
        // The worst the data allows: the longest municipality names, a long unit with a qualifier, and eight lines that end
        // on the same value, as on an indicator page at 1,788 municipalities.
        int[] years = [2024, 2025, 2026, 2029];
        string[] names = ["かすみがうら市", "つくばみらい市", "いちき串木野市", "南アルプス市", "北海道上川郡東神楽町", "大和郡山市", "台東区", "江東区"];
        var series = names.Select((name, i) => new ChartSeries(name, new Indicator
        {
            Name = "講座参加者数",
            Unit = "人・団体（延べ）",
            Values = [.. years.Select(fy => new IndicatorValue { Fy = fy, Type = fy == 2024 ? ValueKind.Baseline : ValueKind.Target, Value = fy == 2029 ? 1_234_567m : 1000m * i, Qualifier = "累計" })],
        })).ToList();
        var charts = string.Concat(ChartLayout.All.Select(layout => SvgChart.Render(series, "講座参加者数の推移", "worst", "人・団体（延べ）", layout)));

        var page = await OpenAsync(SiteUrls.Metric(Repository.Content.Metrics[0].Id), width);
        try
        {
            await page.EvaluateAsync("html => document.querySelector('.chart').insertAdjacentHTML('afterend', `<figure class=\"chart\" id=\"worst-chart\">${html}</figure>`)", charts);
            var cut = await page.EvaluateAsync<string[]>(ChartTextOutsideItsDrawing);
            Assert.True(cut.Length == 0, string.Join("\n", cut));
            var plotShare = await page.EvaluateAsync<double>("""
                const svg = [...document.querySelectorAll('#worst-chart svg')].find(s => s.getBoundingClientRect().width > 0);
                const grid = svg.querySelector('line.grid');
                (grid.x2.baseVal.value - grid.x1.baseVal.value) / svg.viewBox.baseVal.width
                """);
            Assert.True(plotShare >= 1 / 3.0, $"the lines are drawn in {plotShare:P0} of the chart's width");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Topic_page_on_a_phone_shows_both_wards_initiatives_with_summaries_and_the_picker_works_without_javascript()
    {
        var page = await OpenAsync("/topics/online-procedures/", 375, javaScript: false);
        try
        {
            var taito = page.Locator("section[data-municipality=taito]");
            var koto = page.Locator("section[data-municipality=koto]");
            await Assertions.Expect(taito.GetByText("法律相談等の一部事業で実施しているオンライン相談を他の相談業務にも拡大する")).ToBeVisibleAsync();
            await Assertions.Expect(koto.GetByText("取組1 窓口改革の推進")).ToBeVisibleAsync();
            var box = await koto.BoundingBoxAsync();
            Assert.True(box!.X >= 0 && box.X + box.Width <= 375, $"Koto's column at {box.X}+{box.Width}");

            await page.Locator("input[name=m][value=taito]").UncheckAsync();
            await Assertions.Expect(taito).ToBeHiddenAsync();
            await Assertions.Expect(koto).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Compare_page_shows_titles_on_a_phone()
    {
        var page = await OpenAsync("/compare/", 375);
        try
        {
            await Assertions.Expect(page.Locator("td[data-municipality=koto]").GetByText("取組1 窓口改革の推進").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("td[data-municipality=koto] .cell-label").First).ToHaveTextAsync("江東区");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Indicators_index_lists_a_wards_own_indicators_as_a_table_on_a_desktop_and_as_labelled_cards_on_a_phone(int width)
    {
        var page = await OpenAsync(SiteUrls.Indicators, width);
        try
        {
            var table = page.Locator("section[aria-labelledby=own-taito] table");
            var row = table.Locator("tbody tr").Filter(new() { HasText = "証明書のコンビニ交付割合" });
            await Assertions.Expect(row.Locator("td").Nth(1)).ToContainTextAsync("基準 35%（令和7年度） → 目標 55%（令和10年度）");
            var valuesLabel = row.Locator(".cell-label").GetByText("値", new() { Exact = true });
            if (width < 768)
            {
                await Assertions.Expect(table.Locator("thead")).ToBeHiddenAsync();
                await Assertions.Expect(valuesLabel).ToBeVisibleAsync();
                // A card: the name across the top, the values below it, all within the screen.
                var name = await row.Locator("th").BoundingBoxAsync();
                var values = await row.Locator("td").Nth(1).BoundingBoxAsync();
                Assert.True(values!.Y >= name!.Y + name.Height && values.X + values.Width <= width, $"name at {name.X},{name.Y} {name.Width}x{name.Height}; values at {values.X},{values.Y} {values.Width}x{values.Height}");
            }
            else
            {
                await Assertions.Expect(table.Locator("thead")).ToBeVisibleAsync();
                await Assertions.Expect(valuesLabel).ToBeHiddenAsync();
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Search_page_without_javascript_says_where_to_look_instead_of_showing_dead_controls()
    {
        var page = await OpenAsync("/search/", 375, javaScript: false);
        try
        {
            await Assertions.Expect(page.GetByText("このページの検索にはJavaScriptが必要です", new() { Exact = false })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#search-q")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "トピック別の一覧" })).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Search_form_is_there_from_the_first_paint_so_nothing_shifts_when_the_script_runs()
    {
        // As a link to a search opens it (and as Lighthouse measures it): the query in the URL, results drawn by the script.
        var page = await OpenAsync("/search/?q=" + Uri.EscapeDataString("テレワーク"), 375);
        try
        {
            await Assertions.Expect(page.Locator("#search-q")).ToHaveValueAsync("テレワーク");
            await Assertions.Expect(page.Locator(".search-results li").First).ToBeVisibleAsync();
            var shift = await page.EvaluateAsync<double>("""
                () => new Promise(resolve => {
                  let total = 0;
                  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
                    .observe({ type: "layout-shift", buffered: true });
                  setTimeout(() => resolve(total), 300);
                })
                """);
            Assert.True(shift < 0.1, $"cumulative layout shift {shift:0.000}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
