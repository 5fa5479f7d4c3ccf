using DxCompare.Bench;
using DxCompare.Build;
using DxCompare.Search;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Build;

[Trait(Speed.Trait, Speed.Slow)]
public class WatchModeTests
{
    /// <summary>A copy of the real content, built in watch mode.</summary>
    private sealed class WatchedSite : IDisposable
    {
        public TempContent Content { get; }
        public string Output => Path.Combine(Content.Directory, "out");
        public IncrementalBuilder Builder { get; }

        private WatchedSite(IBuildProgress? progress, CorpusRequest? synthetic)
        {
            Content = new(copyRealContent: synthetic is null);
            if (synthetic is not null) SyntheticCorpus.Write(Repository.Content, Repository.ContentDirectory, synthetic, Content.Directory);
            Builder = new IncrementalBuilder(new BuildOptions(Content.Directory, Path.Combine(Repository.Root, "theme"), Output, BuildOptions.DefaultBaseUrl) { IncludeDrafts = true }, progress);
        }

        /// <param name="synthetic">A generated corpus instead of the real content.</param>
        public static async Task<WatchedSite> StartAsync(IBuildProgress? progress = null, CorpusRequest? synthetic = null)
        {
            var site = new WatchedSite(progress, synthetic);
            Assert.True((await site.Builder.StartAsync()).Succeeded);
            return site;
        }

        public void Dispose()
        {
            Builder.Dispose();
            Content.Dispose();
        }
    }

    [Fact]
    public async Task Editing_a_plan_rebuilds_its_pages_and_leaves_unrelated_ones_alone()
    {
        using var site = await WatchedSite.StartAsync();
        var (content, output, builder) = (site.Content, site.Output, site.Builder);
        var aboutPage = Path.Combine(output, "about", "index.html");
        var aboutStamp = File.GetLastWriteTimeUtc(aboutPage);

        var plan = Path.Combine(content.Directory, "plans", "koto.yml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("title: 窓口改革の推進", "title: 窓口改革の推進と書かない窓口"));
        var result = await builder.RebuildAsync([plan]);

        Assert.True(result.Succeeded);
        Assert.False(result.Full);
        Assert.True(result.PagesRendered < result.PagesTotal, result.Summary());
        Assert.Contains("窓口改革の推進と書かない窓口", File.ReadAllText(Path.Combine(output, "koto", "initiatives", "1", "index.html")));
        Assert.Contains("窓口改革の推進と書かない窓口", File.ReadAllText(Path.Combine(output, "koto", "index.html")));
        Assert.Equal(aboutStamp, File.GetLastWriteTimeUtc(aboutPage));
    }

    [Fact]
    public async Task After_an_edit_search_shows_the_new_title_and_the_other_plan_keeps_its_search_files()
    {
        using var site = await WatchedSite.StartAsync();
        var fragments = Path.Combine(site.Output, "search", "index", "fragments");
        var before = Directory.GetFiles(fragments).Select(Path.GetFileName).ToHashSet();

        var plan = Path.Combine(site.Content.Directory, "plans", "koto.yml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("title: 窓口改革の推進", "title: 窓口改革の推進と書かない窓口"));
        var result = await site.Builder.RebuildAsync([plan]);
        Assert.True(result.Succeeded);
        Assert.False((await result.Settling!).Superseded);

        var shown = Shown(site.Output, "書かない窓口");
        Assert.Contains(shown, line => line.StartsWith("江東区 取組1", StringComparison.Ordinal) && line.EndsWith(" 窓口改革の推進と書かない窓口", StringComparison.Ordinal));
        // Files are named by content: Koto's fragments were replaced, Taito's kept their names, none is left stale.
        var after = Directory.GetFiles(fragments).Select(Path.GetFileName).ToHashSet();
        Assert.Equal(StaticSearchExport.FragmentFiles(Repository.Content.Initiatives.Count(e => e.Municipality.Slug == "taito")), before.Intersect(after).Count());
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public async Task Invalid_content_keeps_the_last_good_site_and_reports_the_problem()
    {
        using var site = await WatchedSite.StartAsync();
        var (content, output, builder) = (site.Content, site.Output, site.Builder);
        var before = File.ReadAllText(Path.Combine(output, "koto", "index.html"));

        var plan = Path.Combine(content.Directory, "plans", "koto.yml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("  start: 2025", "  start: 令和7年度"));
        var result = await builder.RebuildAsync([plan]);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Message == "'start' (開始年度(西暦)) must be a Gregorian fiscal year, found 和暦 '令和7年度'. Write 2025 (令和7年度 → 2025).");
        Assert.Equal(before, File.ReadAllText(Path.Combine(output, "koto", "index.html")));
    }

    [Fact]
    public async Task A_new_plan_file_adds_its_pages_a_column_on_topic_pages_and_a_menu_entry_on_every_page()
    {
        using var site = await WatchedSite.StartAsync();
        var (content, output, builder) = (site.Content, site.Output, site.Builder);
        var request = new DxCompare.Content.ScaffoldRequest("131032", "港区", "minato", ["目標", "施策", "取組"], 2026, 2028);
        var path = content.Write("plans/minato.yml", DxCompare.Content.PlanScaffold.Render(request));
        var result = await builder.RebuildAsync([path]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(output, "minato", "initiatives", "1", "index.html")));
        // `new plan` writes a draft: watch mode (serve) shows it, marked 作成中.
        Assert.Contains("作成中", File.ReadAllText(Path.Combine(output, "minato", "index.html")));
        Assert.Contains("data-municipality=\"minato\"", File.ReadAllText(Path.Combine(output, "topics", "online-procedures", "index.html")));
        // Minato's code comes first: every page's menu now starts with it.
        Assert.False((await result.Settling!).Superseded);
        await AssertServedIsWhatABuildMakesAsync(site);
    }

    /// <summary>The result lines the search page shows for a query.</summary>
    private static List<string> Shown(string output, string query) =>
        [.. BrowserSearch.Run(output, [new { query }]).GetProperty(query).GetProperty("shown").EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task After_a_plan_edit_the_search_index_and_downloads_follow_in_the_background()
    {
        using var site = await WatchedSite.StartAsync();
        var (content, output, builder) = (site.Content, site.Output, site.Builder);
        var plan = Path.Combine(content.Directory, "plans", "koto.yml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("title: 窓口改革の推進", "title: 窓口改革の推進とおくやみ窓口"));

        var result = await builder.RebuildAsync([plan]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotNull(result.Settling);
        var settled = await result.Settling;

        Assert.False(settled.Superseded);
        Assert.Contains("窓口改革の推進とおくやみ窓口", File.ReadAllText(Path.Combine(output, "data", "plans.json")));
        Assert.Contains(Shown(output, "おくやみ窓口"), line => line.Contains("取組1 窓口改革の推進とおくやみ窓口", StringComparison.Ordinal));
    }

    /// <summary>
    /// Once an edit has settled and no other save follows, watch mode collects the generation it replaced while nobody
    /// waits (a full collection: the tests' collector runs in the background, so only that one is blocking), instead of
    /// leaving it to stop a later edit; and then it is idle. It did the same after its first build.
    /// </summary>
    [Fact]
    public async Task Once_an_edit_settles_and_no_save_follows_the_replaced_generation_is_collected()
    {
        using var site = await WatchedSite.StartAsync();
        var plan = Path.Combine(site.Content.Directory, "plans", "koto.yml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("title: 窓口改革の推進", "title: 窓口改革の推進(改訂)"));
        await site.Builder.Idle.WaitAsync(TimeSpan.FromSeconds(30));
        var fullCollections = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        var result = await site.Builder.RebuildAsync([plan]);
        Assert.False((await result.Settling!).Superseded);
        await site.Builder.Idle.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(GC.GetGCMemoryInfo(GCKind.FullBlocking).Index > fullCollections);
    }

    /// <summary>
    /// What watch mode serves once an edit has settled is what `build` makes of the same content, file for file: a page
    /// the planner forgot to re-render would be stale here. Koto's edits: a title; an initiative's topics (other topic
    /// pages, related lists); a figure (metric pages, headlines); an indicator moved to a metric only Taito reported, so
    /// that metric becomes shared and Taito's pages that show it change too.
    /// </summary>
    [Theory]
    [InlineData("title: 窓口改革の推進\n", "title: 窓口改革の推進と書かない窓口\n")]
    [InlineData("topics: [counter-reform, online-procedures, facility-booking, childcare]", "topics: [counter-reform, generative-ai]")]
    [InlineData("            value: 54\n", "            value: 61\n")]
    [InlineData("metric: it-certified-staff\n        unit: 人", "metric: smartphone-class-participants\n        unit: 名")]
    public async Task Once_an_edit_settles_the_served_site_is_what_a_full_build_makes(string before, string after)
    {
        using var site = await WatchedSite.StartAsync();
        var plan = Path.Combine(site.Content.Directory, "plans", "koto.yml");
        var original = File.ReadAllText(plan);
        Assert.Contains(before, original);
        File.WriteAllText(plan, original.Replace(before, after));

        var result = await site.Builder.RebuildAsync([plan]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False((await result.Settling!).Superseded);

        await AssertServedIsWhatABuildMakesAsync(site);
    }

    /// <summary>
    /// With more municipalities than fit side by side, a topic page lists a card per municipality, and watch mode writes each
    /// card once per plan: the edited plan's card must be written anew, the others kept.
    /// </summary>
    [Fact]
    public async Task At_scale_an_edit_changes_that_municipalitys_card_on_its_topic_pages()
    {
        using var site = await WatchedSite.StartAsync(synthetic: new CorpusRequest(12, 240, Seed: 5));
        var plan = Directory.EnumerateFiles(Path.Combine(site.Content.Directory, "plans"), "*.yml").Order(StringComparer.Ordinal).First();
        var slug = Path.GetFileNameWithoutExtension(plan);
        var original = File.ReadAllText(plan);
        var initiativeTitle = System.Text.RegularExpressions.Regex.Matches(original, @"(?m)^ {12}title: (.+)$")[0].Groups[1].Value;
        File.WriteAllText(plan, original.Replace($"title: {initiativeTitle}\n", $"title: {initiativeTitle}(改訂)\n"));

        var result = await site.Builder.RebuildAsync([plan]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False((await result.Settling!).Superseded);

        var cards = Directory.EnumerateFiles(Path.Combine(site.Output, "topics"), "index.html", SearchOption.AllDirectories)
            .Select(page => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(page)).QuerySelector($".card[data-municipality='{slug}']"))
            .OfType<AngleSharp.Dom.IElement>().ToList();
        Assert.Contains(cards, card => card.TextContent.Contains($"{initiativeTitle}(改訂)", StringComparison.Ordinal));
        await AssertServedIsWhatABuildMakesAsync(site);
    }

    [Fact]
    public async Task A_deleted_plan_file_takes_its_pages_and_downloads_with_it()
    {
        using var site = await WatchedSite.StartAsync();
        var plan = Path.Combine(site.Content.Directory, "plans", "koto.yml");
        File.Delete(plan);

        var result = await site.Builder.RebuildAsync([plan]);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False((await result.Settling!).Superseded);

        Assert.False(Directory.Exists(Path.Combine(site.Output, "koto")));
        await AssertServedIsWhatABuildMakesAsync(site);
    }

    private static async Task AssertServedIsWhatABuildMakesAsync(WatchedSite site)
    {
        var fresh = Path.Combine(site.Content.Directory, "fresh");
        var options = new BuildOptions(site.Content.Directory, Path.Combine(Repository.Root, "theme"), fresh, BuildOptions.DefaultBaseUrl) { IncludeDrafts = true };
        Assert.True((await SiteBuilder.BuildAsync(options)).Succeeded);
        static Dictionary<string, byte[]> Files(string root) =>
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);
        var (served, built) = (Files(site.Output), Files(fresh));
        Assert.Equal(built.Keys.Order(StringComparer.Ordinal), served.Keys.Order(StringComparer.Ordinal));
        var stale = built.Where(file => !file.Value.AsSpan().SequenceEqual(served[file.Key])).Select(file => file.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, $"served after the edit, but not what a full build writes: {string.Join(", ", stale.Take(20))}{(stale.Count > 20 ? $" and {stale.Count - 20} more" : "")}");
    }

    [Fact]
    public async Task A_second_edit_before_the_first_settles_wins()
    {
        using var site = await WatchedSite.StartAsync();
        var (content, output, builder) = (site.Content, site.Output, site.Builder);
        var plan = Path.Combine(content.Directory, "plans", "koto.yml");
        var original = File.ReadAllText(plan);

        File.WriteAllText(plan, original.Replace("title: 窓口改革の推進", "title: 窓口改革の推進(第一案)"));
        var first = await builder.RebuildAsync([plan]);
        File.WriteAllText(plan, original.Replace("title: 窓口改革の推進", "title: 窓口改革の推進(第二案)"));
        var second = await builder.RebuildAsync([plan]);
        await first.Settling!;
        Assert.False((await second.Settling!).Superseded);

        Assert.Contains("窓口改革の推進(第二案)", File.ReadAllText(Path.Combine(output, "koto", "initiatives", "1", "index.html")));
        Assert.Contains("窓口改革の推進(第二案)", File.ReadAllText(Path.Combine(output, "data", "plans.json")));
        Assert.DoesNotContain("第一案", File.ReadAllText(Path.Combine(output, "data", "plans.json")));
        Assert.Contains(Shown(output, "第二案"), line => line.Contains("取組1 窓口改革の推進(第二案)", StringComparison.Ordinal));
        Assert.Empty(Shown(output, "第一案"));
    }

    /// <summary>Lets a number of pages render, then fails the rest, as a page whose component throws would.</summary>
    private sealed class FailingAfter : IBuildProgress
    {
        public int? PagesLeft { get; set; }
        public void Start(string stepName, int total) { }
        public void Advance(int count = 1)
        {
            if (PagesLeft is null) return;
            if (--PagesLeft < 0) throw new InvalidOperationException("a page failed to render");
        }
    }

    [Fact]
    public async Task A_rebuild_that_fails_half_way_leaves_every_served_file_as_it_was()
    {
        var failing = new FailingAfter();
        using var site = await WatchedSite.StartAsync(failing);
        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        var plan = Path.Combine(site.Content.Directory, "plans", "koto.yml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("title: 窓口改革の推進", "title: 窓口改革の推進と書かない窓口"));
        failing.PagesLeft = 5;
        var result = await site.Builder.RebuildAsync([plan]);

        Assert.False(result.Succeeded);
        Assert.Contains("the last good site is still served", Assert.Single(result.Diagnostics).Message);
        var after = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed"));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(site.Output)!, ".out.*"));

        failing.PagesLeft = null;
        Assert.True((await site.Builder.RebuildAsync([plan])).Succeeded);
        Assert.Contains("窓口改革の推進と書かない窓口", File.ReadAllText(Path.Combine(site.Output, "koto", "initiatives", "1", "index.html")));
    }
}
