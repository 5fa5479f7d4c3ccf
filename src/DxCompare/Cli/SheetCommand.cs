using System.CommandLine;
using DxCompare.Content;
using DxCompare.Sheets;

namespace DxCompare.Cli;

public static class SheetCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content();
        var plan = new Option<string>("--plan") { Description = "The plan's slug, e.g. taito", Required = true };
        var output = new Option<string>("--out", "--output") { Description = "The workbook to write (.xlsx)", Required = true };
        var export = new Command("export", "Write one plan as an Excel workbook") { plan, output, content };
        export.SetAction(parse =>
        {
            var loaded = ContentLoader.Load(parse.GetValue(content)!);
            if (!loaded.Succeeded) return ValidateCommand.Report(loaded, Console.Out, Console.Error);
            var slug = parse.GetValue(plan)!;
            var found = loaded.Content!.Plans.FirstOrDefault(p => p.Municipality.Slug == slug);
            if (found is null)
            {
                Console.Error.WriteLine($"error: no plan '{slug}'. Plans: {string.Join(", ", loaded.Content.Plans.Select(p => p.Municipality.Slug))}.");
                return 1;
            }
            var path = parse.GetValue(output)!;
            SheetExport.Write(found, loaded.Content, path);
            Console.WriteLine($"wrote {path}");
            return 0;
        });
        var workbook = new Argument<string>("workbook") { Description = "The workbook to read (.xlsx)" };
        var dryRun = new Option<bool>("--check") { Description = "Only check the workbook; write nothing" };
        var importContent = CommonOptions.Content();
        var import = new Command("import", "Read a workbook back into its plan file (content/plans/SLUG.yml), through the same rules as validate") { workbook, importContent, dryRun };
        import.SetAction(parse =>
        {
            var result = SheetImport.Run(parse.GetValue(workbook)!, parse.GetValue(importContent)!, write: !parse.GetValue(dryRun));
            foreach (var problem in result.Problems) Console.Error.WriteLine(problem);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine($"{result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")} found; nothing was written.");
                return 1;
            }
            var path = ContentLoader.DisplayPath(result.Path!);
            Console.WriteLine(!result.Changed ? $"{path} is unchanged: the workbook holds the same plan."
                : parse.GetValue(dryRun) ? $"the workbook is valid; {path} would change (--check: nothing written)." : $"wrote {path}");
            return 0;
        });
        var code = new Option<string>("--code") { Description = "全国地方公共団体コード (6 digits, e.g. 131032)", Required = true };
        var name = new Option<string>("--name") { Description = "Municipality name, e.g. 港区", Required = true };
        var slug = new Option<string>("--slug") { Description = "URL slug, e.g. minato", Required = true };
        var levels = new Option<string>("--levels") { Description = "The plan's level names, e.g. 目標,施策,取組 or 視点,取組", DefaultValueFactory = _ => "目標,施策,取組" };
        var thisYear = DateTime.Today.Month >= 4 ? DateTime.Today.Year : DateTime.Today.Year - 1;
        var start = new Option<int>("--start") { Description = "First fiscal year (西暦)", DefaultValueFactory = _ => thisYear + 1 };
        var end = new Option<int>("--end") { Description = "Last fiscal year (西暦)", DefaultValueFactory = _ => thisYear + 3 };
        var templateOut = new Option<string>("--out", "--output") { Description = "The workbook to write (.xlsx)", Required = true };
        var templateContent = CommonOptions.Content();
        var template = new Command("template", "Write an empty workbook for a new municipality, with instructions and an example row per sheet") { code, name, slug, levels, start, end, templateOut, templateContent };
        template.SetAction(parse =>
        {
            var request = new ScaffoldRequest(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(slug)!,
                [.. parse.GetValue(levels)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                parse.GetValue(start), parse.GetValue(end));
            var directory = parse.GetValue(templateContent)!;
            var problems = PlanScaffold.Check(request, directory).Where(p => !p.Contains("already exists", StringComparison.Ordinal)).ToList();
            foreach (var problem in problems) Console.Error.WriteLine($"error: {problem}");
            if (problems.Count > 0) return 1;
            var loaded = ContentLoader.Load(directory);
            if (!loaded.Succeeded) return ValidateCommand.Report(loaded, Console.Out, Console.Error);
            var path = parse.GetValue(templateOut)!;
            SheetExport.WriteTemplate(request, loaded.Content!, path);
            Console.WriteLine($"wrote {path}: fill it in, then run `dotnet run --project src/DxCompare -- sheet import {path}`.");
            return 0;
        });
        return new Command("sheet", "Plans in and out of Excel workbooks") { export, import, template };
    }
}
