using DxCompare.Bench;
using DxCompare.Content;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Bench;

[Trait(Speed.Trait, Speed.Slow)]
public class SyntheticCorpusTests
{
    [Fact]
    public void Same_seed_writes_the_same_valid_corpus_with_both_plan_structures()
    {
        using var first = new TempContent();
        using var second = new TempContent();
        var request = new CorpusRequest(Municipalities: 12, Initiatives: 300, Seed: 7);
        // Into empty folders: the corpus must bring every file a content folder needs.
        var firstOut = Path.Combine(first.Directory, "generated");
        var secondOut = Path.Combine(second.Directory, "generated");
        SyntheticCorpus.Write(Repository.Content, Repository.ContentDirectory, request, firstOut);
        SyntheticCorpus.Write(Repository.Content, Repository.ContentDirectory, request, secondOut);

        var files = Directory.GetFiles(Path.Combine(firstOut, "plans")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(12, files.Count);
        foreach (var file in files)
            Assert.Equal(File.ReadAllText(Path.Combine(firstOut, "plans", file!)), File.ReadAllText(Path.Combine(secondOut, "plans", file!)));

        var loaded = ContentLoader.Load(firstOut);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics.Take(5)));
        Assert.Equal(300, loaded.Content!.Initiatives.Count);
        Assert.Contains(loaded.Content.Plans, p => p.Labels.Policy == "施策" && p.Pillars.Any(x => x.Policies.Count > 0));
        Assert.Contains(loaded.Content.Plans, p => string.IsNullOrEmpty(p.Labels.Policy) && p.Pillars.Any(x => x.Initiatives.Count > 0));
        Assert.All(loaded.Content.Plans, p => Assert.True(LocalGovernmentCode.IsValid(p.Municipality.Code)));
        Assert.All(loaded.Content.Plans, p => Assert.Equal(DxCompare.Model.Prefectures.OfCode(p.Municipality.Code), p.Municipality.Prefecture));
        // Written as editors' files are (block YAML in the canonical form), so the benchmark's loader reads what it reads in use.
        Assert.All(loaded.Content.Plans, p => Assert.Equal(
            SyntheticCorpus.Header + DxCompare.Sheets.YamlWriter.Write(p),
            File.ReadAllText(Path.Combine(firstOut, "plans", p.Municipality.Slug + ".yml"))));
    }
}
