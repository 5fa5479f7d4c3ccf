using DxCompare.Build;
using DxCompare.Exports;
using DxCompare.Pages;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Build;

/// <summary>What watch mode re-renders, decided from the change and the routes alone.</summary>
public class RebuildPlannerTests
{
    private static readonly string ContentDir = Path.Combine(Path.GetTempPath(), "content");

    private static string InContent(params string[] parts) => Path.Combine([ContentDir, .. parts]);

    [Fact]
    public void A_plan_file_changes_its_plan_and_every_page_drawn_from_all_plans()
    {
        var changed = RebuildPlanner.SourcesChangedBy([InContent("plans", "koto.yml")], ContentDir);
        Assert.Equal(new HashSet<PageSource> { PageSource.Plan("koto"), PageSource.EveryPlan }, changed);
    }

    [Fact]
    public void A_prose_page_changes_only_itself()
    {
        var changed = RebuildPlanner.SourcesChangedBy([InContent("pages", "about.md")], ContentDir);
        Assert.Equal(new HashSet<PageSource> { PageSource.ProsePage("about") }, changed);
    }

    [Theory]
    [InlineData("topics.yml")]
    [InlineData("metrics.yml")]
    [InlineData("unknown.txt")]
    public void Anything_else_needs_a_full_rebuild(string file) =>
        Assert.Null(RebuildPlanner.SourcesChangedBy([InContent(file), InContent("plans", "koto.yml")], ContentDir));

    [Fact]
    public void No_change_is_no_plan() => Assert.Null(RebuildPlanner.SourcesChangedBy([], ContentDir));

    private static PageRoute Route(string path, params PageSource[] sources) => new(path, typeof(object), [], sources);

    [Fact]
    public void A_page_is_affected_exactly_when_it_declares_a_changed_source()
    {
        PageRoute[] routes =
        [
            Route("/", PageSource.EveryPlan),
            Route("/koto/", PageSource.Plan("koto")),
            Route("/taito/", PageSource.Plan("taito")),
            Route("/about/", PageSource.ProsePage("about")),
            Route("/data/", PageSource.Downloads),
            Route("/404.html"),
        ];
        var affected = RebuildPlanner.Affected(routes, [PageSource.Plan("koto"), PageSource.EveryPlan]).Select(r => r.Path);
        Assert.Equal(["/", "/koto/"], affected);
        Assert.Equal(["/data/"], RebuildPlanner.Affected(routes, [PageSource.Downloads]).Select(r => r.Path));
    }

    /// <summary>The real site's routes: an initiative page depends on the plans of the initiatives it lists, not on chosen fields of them.</summary>
    [Fact]
    public void An_initiative_page_is_rebuilt_when_the_plan_of_an_initiative_it_lists_changes()
    {
        using var generation = SiteGeneration.Create(new BuildOptions(Repository.ContentDirectory, Path.Combine(Repository.Root, "theme"), "unused", BuildOptions.DefaultBaseUrl),
            Repository.Content, new PhaseTimer());
        var routes = generation.Routes(Downloads.None);
        var affected = RebuildPlanner.Affected(routes, RebuildPlanner.SourcesChangedBy([InContent("plans", "koto.yml")], ContentDir)!).Select(r => r.Path).ToHashSet();

        var listsKoto = generation.Site.Related.Where(pair => pair.Key.Municipality.Slug == "taito" && pair.Value.Any(r => r.Entry.Municipality.Slug == "koto")).Select(pair => pair.Key.Url).ToList();
        var listsNoKoto = generation.Site.Related.Where(pair => pair.Key.Municipality.Slug == "taito" && pair.Value.All(r => r.Entry.Municipality.Slug != "koto")).Select(pair => pair.Key.Url).ToList();
        Assert.NotEmpty(listsKoto);
        Assert.All(listsKoto, url => Assert.Contains(url, affected));
        Assert.All(listsNoKoto, url => Assert.DoesNotContain(url, affected));
        Assert.All(Repository.Content.Initiatives.Where(e => e.Municipality.Slug == "koto"), e => Assert.Contains(e.Url, affected));
        Assert.Contains("/compare/", affected);
        Assert.DoesNotContain("/about/", affected);
        Assert.DoesNotContain("/data/", affected);
    }

    [Fact]
    public void Every_route_declares_the_menu_and_what_else_it_shows_except_the_404_page()
    {
        using var generation = SiteGeneration.Create(new BuildOptions(Repository.ContentDirectory, Path.Combine(Repository.Root, "theme"), "unused", BuildOptions.DefaultBaseUrl),
            Repository.Content, new PhaseTimer());
        var routes = generation.Routes(Downloads.None);
        Assert.All(routes, r => Assert.Contains(PageSource.Menu, r.Sources));
        Assert.All(routes.Where(r => r.Path != DxCompare.Model.SiteUrls.NotFound), r => Assert.Contains(r.Sources, s => s != PageSource.Menu));
    }

    /// <summary>Koto's indicator moved to a metric only Taito reported: that metric becomes shared, and Taito's pages that show it link to the comparison.</summary>
    [Fact]
    public void A_metric_another_plan_starts_to_report_changes_the_pages_that_show_it()
    {
        var assets = AssetManifest.Scan(Path.Combine(Repository.Root, "theme", "assets"));
        var before = new SiteContext(Repository.Content, BuildOptions.DefaultBaseUrl, assets);
        using var content = new TempContent(copyRealContent: true);
        content.Edit("plans/koto.yml", "metric: it-certified-staff\n        unit: 人", "metric: smartphone-class-participants\n        unit: 名");
        var after = new SiteContext(DxCompare.Content.ContentLoader.Load(content.Directory).Content!, BuildOptions.DefaultBaseUrl, assets);

        var changes = RebuildPlanner.SiteWideChanges(before, after).ToList();

        Assert.Equal([PageSource.SharedMetric("smartphone-class-participants")], changes);
        var taito = Repository.Content.Plans.Single(p => p.Municipality.Slug == "taito");
        Assert.Contains(RebuildPlanner.Affected(SiteRoutes.OfPlan(before, taito), changes), r => r.Path == "/taito/");
    }

    [Fact]
    public void A_plan_that_joins_the_menu_changes_every_page()
    {
        var assets = AssetManifest.Scan(Path.Combine(Repository.Root, "theme", "assets"));
        using var content = new TempContent(copyRealContent: true);
        content.Write("plans/minato.yml", DxCompare.Content.PlanScaffold.Render(new DxCompare.Content.ScaffoldRequest("131032", "港区", "minato", ["目標", "施策", "取組"], 2026, 2028)));
        var after = new SiteContext(DxCompare.Content.ContentLoader.Load(content.Directory).Content!, BuildOptions.DefaultBaseUrl, assets);

        Assert.Equal([PageSource.Menu], RebuildPlanner.SiteWideChanges(new SiteContext(Repository.Content, BuildOptions.DefaultBaseUrl, assets), after));
    }
}
