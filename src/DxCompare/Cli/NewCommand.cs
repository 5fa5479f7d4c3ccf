using System.CommandLine;
using DxCompare.Content;

namespace DxCompare.Cli;

public static class NewCommand
{
    public static Command Create()
    {
        var code = new Option<string>("--code") { Description = "全国地方公共団体コード (6 digits, e.g. 131032)", Required = true };
        var name = new Option<string>("--name") { Description = "Municipality name, e.g. 港区", Required = true };
        var slug = new Option<string>("--slug") { Description = "URL slug, e.g. minato", Required = true };
        var levels = new Option<string>("--levels") { Description = "The plan's level names, e.g. 目標,施策,取組 or 視点,取組", DefaultValueFactory = _ => "目標,施策,取組" };
        var prefecture = new Option<string?>("--prefecture") { Description = "Prefecture (default: from the code's first two digits)" };
        var thisYear = DateTime.Today.Month >= 4 ? DateTime.Today.Year : DateTime.Today.Year - 1;
        var start = new Option<int>("--start") { Description = "First fiscal year (西暦)", DefaultValueFactory = _ => thisYear + 1 };
        var end = new Option<int>("--end") { Description = "Last fiscal year (西暦)", DefaultValueFactory = _ => thisYear + 3 };
        var content = CommonOptions.Content();
        var plan = new Command("plan", "Write a commented skeleton plan file that passes validation") { code, name, slug, levels, prefecture, start, end, content };
        plan.SetAction(parse =>
        {
            var request = new ScaffoldRequest(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(slug)!,
                [.. parse.GetValue(levels)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                parse.GetValue(start), parse.GetValue(end), parse.GetValue(prefecture));
            var directory = parse.GetValue(content)!;
            var problems = PlanScaffold.Check(request, directory);
            foreach (var problem in problems) Console.Error.WriteLine($"error: {problem}");
            if (problems.Count > 0) return 1;
            var path = PlanScaffold.PathFor(directory, request.Slug);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(path, FileMode.CreateNew))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
                writer.Write(PlanScaffold.Render(request));
            Console.WriteLine($"wrote {ContentLoader.DisplayPath(path)}: replace the 【】 placeholders, then run `dotnet run --project src/DxCompare -- validate`.");
            return 0;
        });
        return new Command("new", "Create content from a template") { plan };
    }
}
