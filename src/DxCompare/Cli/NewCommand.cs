using System.CommandLine;
using DxCompare.Content;

namespace DxCompare.Cli;

public static class NewCommand
{
    public static Command Create()
    {
        var scaffold = new ScaffoldOptions();
        var content = CommonOptions.Content();
        var plan = new Command("plan", "Write a commented skeleton plan file that passes validation") { content };
        foreach (var option in scaffold.All) plan.Options.Add(option);
        plan.SetAction(parse =>
        {
            var request = scaffold.Request(parse);
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
