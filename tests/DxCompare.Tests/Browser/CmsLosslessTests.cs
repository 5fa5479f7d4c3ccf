using DxCompare.Content;
using DxCompare.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCompare.Tests.Browser;

/// <summary>
/// Saves through the real Decap UI change exactly what the editor changed (issue 13): an untouched plan is
/// written byte for byte, a one-field edit changes that field's line, a retyped value keeps its note.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public sealed class CmsLosslessTests(CmsSession cms) : IClassFixture<CmsSession>
{
    private static string Original(string slug) => File.ReadAllText(Path.Combine(Repository.ContentDirectory, "plans", slug + ".yml"));

    private async Task<IPage> OpenPlanAsync(string slug, bool fromOriginal = true)
    {
        if (fromOriginal) File.WriteAllText(cms.PlanFile(slug), Original(slug));
        var (page, _) = await cms.OpenAsync($"#/collections/plans/entries/{slug}");
        await Expect(page.GetByLabel("計画名", new() { Exact = true })).Not.ToHaveValueAsync("", new() { Timeout = 30_000 });
        return page;
    }

    private static (string[] Removed, string[] Added) ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var p = 0;
        while (p < a.Length && p < b.Length && a[p] == b[p]) p++;
        var s = 0;
        while (s < a.Length - p && s < b.Length - p && a[^(s + 1)] == b[^(s + 1)]) s++;
        return (a[p..(a.Length - s)], b[p..(b.Length - s)]);
    }

    [Theory]
    [InlineData("taito")]
    [InlineData("koto")]
    public async Task A_plan_saved_without_changes_is_byte_identical(string slug)
    {
        var page = await OpenPlanAsync(slug);
        // Decap offers 公開 only for a changed entry, so: save a change, then save it changed back. The second
        // save writes the whole entry as the CMS holds it after a save, which must be the original file.
        var title = page.GetByLabel("計画名", new() { Exact = true });
        var original = await title.InputValueAsync();
        await title.FillAsync(original + "x");
        await CmsSession.PublishAsync(page, cms.PlanFile(slug));
        Assert.NotEqual(Original(slug), File.ReadAllText(cms.PlanFile(slug)));
        await page.CloseAsync();
        page = await OpenPlanAsync(slug, fromOriginal: false);
        title = page.GetByLabel("計画名", new() { Exact = true });
        await Expect(title).ToHaveValueAsync(original + "x");
        await title.FillAsync(original);
        await CmsSession.PublishAsync(page, cms.PlanFile(slug));
        Assert.Equal(Original(slug), File.ReadAllText(cms.PlanFile(slug)));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("taito")]
    [InlineData("koto")]
    public async Task Editing_one_title_changes_that_line_only(string slug)
    {
        var page = await OpenPlanAsync(slug);
        var title = page.GetByLabel("計画名", new() { Exact = true });
        var original = await title.InputValueAsync();
        await title.FillAsync(original + "(改定版)");
        await CmsSession.PublishAsync(page, cms.PlanFile(slug));
        var (removed, added) = ChangedLines(Original(slug), File.ReadAllText(cms.PlanFile(slug)));
        Assert.Equal([$"title: {original}"], removed);
        Assert.Equal([$"title: {original}(改定版)"], added);
        Assert.True(ContentLoader.Load(cms.Content).Succeeded);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Retyping_a_value_that_has_a_note_changes_the_value_only_and_the_note_is_shown_and_editable()
    {
        var page = await OpenPlanAsync("koto");
        await CmsSession.ExpandAsync(page, "視点1 区民にやさしい");
        await CmsSession.ExpandAsync(page, "オンラインで申請できる手続の割合");
        var cell = CmsSession.Cell(page, "令和6年度 基準値・現況");
        await Expect(cell).ToHaveValueAsync("12.1");
        await Expect(cell).ToHaveAttributeAsync("title", "注記: 令和6年度実績値");
        var note = page.GetByLabel("令和6年度 基準値・現況の注記", new() { Exact = true }).Locator("visible=true").First;
        await Expect(note).ToHaveValueAsync("令和6年度実績値");

        await cell.FillAsync("12.2");
        await cell.FillAsync("12.1");
        await cell.FillAsync("12.10");
        await CmsSession.PublishAsync(page, cms.PlanFile("koto"));
        var (removed, added) = ChangedLines(Original("koto"), File.ReadAllText(cms.PlanFile("koto")));
        Assert.Equal(["            value: 12.1"], removed);
        Assert.Equal(["            value: 12.10"], added);

        await note.FillAsync("令和6年度実績値(確定)");
        await CmsSession.PublishAsync(page, cms.PlanFile("koto"));
        (removed, added) = ChangedLines(Original("koto"), File.ReadAllText(cms.PlanFile("koto")));
        Assert.Equal(["            value: 12.1", "            note: 令和6年度実績値"], removed);
        Assert.Equal(["            value: 12.10", "            note: 令和6年度実績値(確定)"], added);
        await page.CloseAsync();
    }
}
