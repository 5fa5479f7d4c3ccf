using DxCompare.Server;
using DxCompare.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCompare.Tests.Browser;

/// <summary>
/// An editor never loses unsaved work (issue 13): `serve --watch` rebuilding does not reload /admin/, and a
/// reload of the page offers Decap's local backup of the draft.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public sealed class CmsDraftSafetyTests(CmsSession cms) : IClassFixture<CmsSession>
{
    private async Task<(IPage Page, ILocator Title)> EditKotoTitleAsync(string draft)
    {
        var (page, _) = await cms.OpenAsync("#/collections/plans/entries/koto");
        var title = page.GetByLabel("計画名", new() { Exact = true });
        await Expect(title).ToHaveValueAsync("江東区DX推進計画", new() { Timeout = 30_000 });
        await title.FillAsync(draft);
        return (page, title);
    }

    [Fact]
    public async Task A_rebuild_while_editing_neither_reloads_the_admin_nor_loses_input()
    {
        using var http = new HttpClient();
        Assert.DoesNotContain(LiveReload.ScriptPath, await http.GetStringAsync(cms.BaseUrl + "/admin/"));
        Assert.Contains(LiveReload.ScriptPath, await http.GetStringAsync(cms.BaseUrl + "/"));

        var (page, title) = await EditKotoTitleAsync("江東区DX推進計画(編集中)");
        await page.EvaluateAsync("() => { window.dxNotReloaded = true; }");
        cms.Live.Reload();
        cms.Live.ShowErrors([]);
        cms.Live.Reload();
        await Task.Delay(1500);
        Assert.True(await page.EvaluateAsync<bool>("() => window.dxNotReloaded === true"), "the admin page was reloaded by live reload");
        await Expect(title).ToHaveValueAsync("江東区DX推進計画(編集中)");
        await page.CloseAsync();
    }

    // Decap offers the backup as soon as it has read it, before the file has loaded, and then made a fresh draft
    // from the file, so the restored work vanished (decaporg/decap-cms#5470); cms-plugin.js puts it back.
    [Fact]
    public async Task Unsaved_work_survives_a_reload_through_decaps_local_backup()
    {
        var (page, title) = await EditKotoTitleAsync("江東区DX推進計画(下書き)");
        // Decap writes the backup (localForage in IndexedDB) 2 s after the last change. (Polled here: a predicate that
        // returns a promise does not make Playwright's WaitForFunction wait, so the reload used to come first.)
        var written = false;
        for (var i = 0; i < 120 && !written; i++)
        {
            written = await page.EvaluateAsync<bool>("""
                () => new Promise(resolve => {
                  const open = indexedDB.open('localforage');
                  open.onerror = () => resolve(false);
                  open.onsuccess = () => {
                    try {
                      const item = open.result.transaction('keyvaluepairs', 'readonly').objectStore('keyvaluepairs').get('backup.plans.koto');
                      item.onsuccess = () => { open.result.close(); resolve(JSON.stringify(item.result || '').includes('(下書き)')); };
                      item.onerror = () => { open.result.close(); resolve(false); };
                    } catch (e) { open.result.close(); resolve(false); }
                  };
                })
                """);
            if (!written) await Task.Delay(250);
        }
        Assert.True(written, "Decap wrote no local backup of the draft");
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type + ":" + dialog.Message);
            await dialog.AcceptAsync();
        };
        await page.ReloadAsync();
        // Decap (13 MB of script) starts again, reads the backup and asks: up to 30 s on a loaded machine.
        for (var i = 0; i < 300 && !dialogs.Exists(d => d.StartsWith("confirm", StringComparison.Ordinal)); i++) await Task.Delay(100);
        Assert.True(dialogs.Exists(d => d.StartsWith("confirm", StringComparison.Ordinal)), "no backup prompt after the reload: " + string.Join(" | ", dialogs));
        title = page.GetByLabel("計画名", new() { Exact = true });
        await Expect(title).ToHaveValueAsync("江東区DX推進計画(下書き)", new() { Timeout = 30_000 });
        Assert.Contains(dialogs, message => message.Contains("バックアップ", StringComparison.Ordinal));
        // It stays restored (the file has loaded by now) and counts as unsaved work.
        await Task.Delay(1500);
        await Expect(title).ToHaveValueAsync("江東区DX推進計画(下書き)");
        await Expect(page.GetByText("未保存の変更あり", new() { Exact = true })).ToBeVisibleAsync();
        // Nothing was written: the draft lives in the browser until 公開する.
        var original = File.ReadAllText(Path.Combine(Repository.ContentDirectory, "plans", "koto.yml"));
        Assert.Equal(original, File.ReadAllText(cms.PlanFile("koto")));
        // Saved, the restored draft changes the title's line only.
        await CmsSession.PublishAsync(page, cms.PlanFile("koto"));
        Assert.Equal(original.Replace("\ntitle: 江東区DX推進計画\n", "\ntitle: 江東区DX推進計画(下書き)\n", StringComparison.Ordinal), File.ReadAllText(cms.PlanFile("koto")));
        File.WriteAllText(cms.PlanFile("koto"), original);
        await page.CloseAsync();
    }
}
