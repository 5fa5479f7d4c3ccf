using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Sheets;

/// <summary>The workbooks the site offers on /data/: one per plan, and an empty template for a new municipality.</summary>
public static class PlanWorkbooks
{
    public const string Folder = "sheets";
    public const string TemplateFile = Folder + "/template.xlsx";

    public static string FileOf(string slug) => $"{Folder}/{slug}.xlsx";

    /// <summary>A template whose municipality is left for the editor to fill in (【】 placeholders elsewhere).</summary>
    public static readonly ScaffoldRequest BlankTemplate = new("", "", "", ["目標", "施策", "取組"], 0, 0);

    /// <summary>Writes every plan's workbook and the template under <paramref name="directory"/>; returns their paths relative to it.</summary>
    public static IReadOnlyList<string> WriteAll(ContentSet content, string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, Folder));
        var thisYear = DateTime.Today.Month >= 4 ? DateTime.Today.Year : DateTime.Today.Year - 1;
        SheetExport.WriteTemplate(BlankTemplate with { Start = thisYear + 1, End = thisYear + 3 }, content, Path.Combine(directory, TemplateFile));
        Write(content.Plans, content, directory);
        return [TemplateFile, .. content.Plans.Select(plan => FileOf(plan.Municipality.Slug))];
    }

    /// <summary>Writes the workbooks of <paramref name="plans"/> (watch mode: the edited ones; the template does not depend on plans).</summary>
    public static void Write(IEnumerable<Plan> plans, ContentSet content, string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, Folder));
        // One after another: a build writes them beside the single-threaded search index, and in parallel they cost
        // 12 % more CPU time (N = 500, three pairs) for no steadier wall time.
        foreach (var plan in plans) SheetExport.Write(plan, content, Path.Combine(directory, FileOf(plan.Municipality.Slug)));
    }

    public static string Url(string file) => SiteUrls.Download(file);
}
