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
        var scaffold = new ScaffoldOptions();
        var templateOut = new Option<string>("--out", "--output") { Description = "The workbook to write (.xlsx)", Required = true };
        var templateContent = CommonOptions.Content();
        var template = new Command("template", "Write an empty workbook for a new municipality, with instructions and an example row per sheet") { templateOut, templateContent };
        foreach (var option in scaffold.All) template.Options.Add(option);
        template.SetAction(parse =>
        {
            var request = scaffold.Request(parse);
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
