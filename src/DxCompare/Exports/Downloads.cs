using System.Globalization;
using DxCompare.Model;
using Humanizer;

namespace DxCompare.Exports;

/// <summary>The open-data files a build wrote, with their sizes as /data/ shows them.</summary>
public sealed record Downloads(IReadOnlyDictionary<string, string> Sizes)
{
    public static readonly Downloads None = new(new Dictionary<string, string>());

    /// <summary>Where each plan's part lies in the files that list every plan (watch mode copies an unchanged plan's part).</summary>
    public IReadOnlyDictionary<string, PlanParts> Parts { get; init; } = new Dictionary<string, PlanParts>();

    /// <summary>Writes every download into <paramref name="root"/>/data/ and reads back their sizes.</summary>
    public static Downloads Write(ContentSet content, string root, string baseUrl)
    {
        var folder = Path.Combine(root, SiteUrls.DataFolder);
        // The workbooks beside the open-data files: neither needs the other, and the real content's build waits for the pair.
        var workbooks = Task.Run(() => Sheets.PlanWorkbooks.WriteAll(content, folder));
        (IReadOnlyList<string> Files, IReadOnlyDictionary<string, PlanParts> Parts) openData;
        try
        {
            openData = OpenDataExport.WriteAll(content, folder, baseUrl, null);
        }
        catch
        {
            // Nothing may still write into the staging folder its owner is about to delete.
            try { workbooks.Wait(); } catch (AggregateException) { }
            throw;
        }
        return Measured(folder, [.. openData.Files, .. workbooks.GetAwaiter().GetResult()], new Dictionary<string, string>()) with { Parts = openData.Parts };
    }

    /// <summary>
    /// Watch mode, after plan edits: the open-data files again (each covers every plan; the parts of the plans not in
    /// <paramref name="changedSlugs"/> copied from the files <paramref name="previous"/> wrote into <paramref name="servedRoot"/>)
    /// and the workbooks of the plans in <paramref name="changedSlugs"/> into <paramref name="root"/>; the other workbooks
    /// stay as <paramref name="previous"/> wrote them.
    /// </summary>
    public static Downloads Update(ContentSet content, string root, string baseUrl, Downloads previous, IReadOnlySet<string> changedSlugs, string servedRoot)
    {
        var folder = Path.Combine(root, SiteUrls.DataFolder);
        var (files, parts) = OpenDataExport.WriteAll(content, folder, baseUrl,
            new OpenDataExport.Earlier(Path.Combine(servedRoot, SiteUrls.DataFolder), previous.Parts, changedSlugs));
        static string Workbook(Plan plan) => Sheets.PlanWorkbooks.FileOf(plan.Municipality.Slug);
        var stale = content.Plans.Where(p => changedSlugs.Contains(p.Municipality.Slug) || !previous.Sizes.ContainsKey(Workbook(p))).ToList();
        Sheets.PlanWorkbooks.Write(stale, content, folder);
        var kept = content.Plans.Except(stale).Select(Workbook).Append(Sheets.PlanWorkbooks.TemplateFile).ToDictionary(file => file, file => previous.Sizes[file], StringComparer.Ordinal);
        return Measured(folder, [.. files, .. stale.Select(Workbook)], kept) with { Parts = parts };
    }

    /// <summary>Watch mode, once <paramref name="next"/> is served: deletes the files of <paramref name="previous"/> it no longer has (a deleted plan's workbook).</summary>
    public static void RemoveGone(string root, Downloads previous, Downloads next)
    {
        foreach (var file in previous.Sizes.Keys.Where(file => !next.Sizes.ContainsKey(file)))
            File.Delete(Path.Combine(root, SiteUrls.DataFolder, file));
    }

    private static Downloads Measured(string folder, IEnumerable<string> written, Dictionary<string, string> sizes)
    {
        foreach (var file in written)
            sizes[file] = new FileInfo(Path.Combine(folder, file)).Length.Bytes().ToString("0.#", CultureInfo.InvariantCulture);
        return new Downloads(sizes);
    }
}
