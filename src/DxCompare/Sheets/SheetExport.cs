using System.Collections;
using System.Globalization;
using DxCompare.Content;
using DxCompare.Model;
using DxCompare.Output;

namespace DxCompare.Sheets;

/// <summary>The words of content/vocabulary.yml a workbook offers in its drop-down lists and reads values with.</summary>
public sealed record SheetVocabulary(VocabularyList List)
{
    public static SheetVocabulary Of(ContentSet content) => new(content.Vocabulary);

    public IReadOnlyList<string> StatusWords => [.. List.StatusWords.Select(w => w.Word)];

    public IReadOnlyList<string> Qualifiers => [.. List.Qualifiers.Select(w => w.Word)];

    /// <summary>The words a field takes, when the model ties it to a vocabulary.</summary>
    public IReadOnlyList<string>? WordsOf(FieldSpec field) => field.VocabularyWord?.Kind switch
    {
        VocabularyKind.StatusWords => StatusWords,
        VocabularyKind.Qualifiers => Qualifiers,
        VocabularyKind.Units => [.. List.Units.Select(w => w.Word)],
        _ => null,
    };

    public QualifierClass? QualifierClassOf(string? word) => word is null ? null : List.QualifierClassOf(word);
}

/// <summary>Writes one plan (or an empty template) as a workbook laid out by <see cref="WorkbookLayout"/>.</summary>
public sealed class SheetExport
{
    private readonly Plan _plan;
    private readonly ReferenceLabels _references;
    private readonly SheetVocabulary _vocabulary;
    private readonly bool _template;
    private readonly XlsxWriter _book = new();
    private readonly Dictionary<string, string> _lists = new(StringComparer.Ordinal);
    private readonly SheetWriter _listSheet;
    private int _listColumn;

    private SheetExport(Plan plan, ReferenceLabels references, SheetVocabulary vocabulary, bool template)
    {
        _plan = plan;
        _references = references;
        _vocabulary = vocabulary;
        _template = template;
        Layout = LayoutFor(plan, template);
        Instructions = _book.AddSheet(WorkbookLayout.InstructionsSheet);
        _listSheet = new SheetWriter(WorkbookLayout.ListsSheet, hidden: true);
    }

    public WorkbookLayout Layout { get; }
    private SheetWriter Instructions { get; }

    public static void Write(Plan plan, ContentSet content, Stream stream) =>
        new SheetExport(plan, ReferenceLabels.Of(content), SheetVocabulary.Of(content), template: false).Build().Save(stream);

    public static void Write(Plan plan, ContentSet content, string path)
    {
        using var stream = OutputFiles.Create(path);
        Write(plan, content, stream);
    }

    /// <summary>
    /// An empty workbook for a new municipality: the plan sheet filled in as <c>new plan</c> scaffolds it (code,
    /// name, prefecture, levels, period, 【】 placeholders), every other sheet empty but for an example row.
    /// </summary>
    public static void WriteTemplate(ScaffoldRequest request, ContentSet content, string path)
    {
        var diagnostics = new DiagnosticBag();
        var node = YamlFile.Parse(PlanScaffold.Render(request), "template", diagnostics);
        // A blank template leaves the municipality empty: required-field messages are expected then.
        var scaffold = (node is null ? null : new YamlBinder("template", diagnostics, new SourceMap()).Bind<Plan>(node))
            ?? throw new InvalidOperationException("the plan scaffold does not bind: " + string.Join("; ", diagnostics.Items));
        var skeleton = scaffold with { Pillars = [] };
        using var stream = OutputFiles.Create(path);
        new SheetExport(skeleton, ReferenceLabels.Of(content), SheetVocabulary.Of(content), template: true).Build().Save(stream);
    }

    public static WorkbookLayout LayoutFor(Plan plan, bool template = false)
    {
        var values = ContentSet.IndicatorsOf(plan).SelectMany(i => i.Indicator.Values).ToList();
        var years = values.Select(v => v.Fy)
            .Concat(plan.Period.Start > 0 ? Enumerable.Range(plan.Period.Start - (template ? 1 : 0), plan.Period.End - plan.Period.Start + (template ? 2 : 1)) : [])
            .Distinct().Order().ToList();
        var valueFields = typeof(IndicatorValue);
        var used = ModelCatalog.FieldsOf(valueFields)
            .Where(f => values.Any(v => !ModelEquality.IsEmpty(f.Property.GetValue(v))))
            .Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var widths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var owner in Records(plan))
        {
            foreach (var field in ModelCatalog.FieldsOf(owner.GetType()).Where(f => f.Shape == FieldShape.TextList))
            {
                var count = ((IReadOnlyList<string>)field.Property.GetValue(owner)!).Count;
                widths[field.Name] = Math.Max(widths.GetValueOrDefault(field.Name), count);
            }
        }
        return WorkbookLayout.Create(plan.Labels, years, used, widths);
    }

    /// <summary>Every record of the plan, depth first.</summary>
    internal static IEnumerable<object> Records(object record)
    {
        yield return record;
        foreach (var field in ModelCatalog.FieldsOf(record.GetType()))
        {
            var value = field.Property.GetValue(record);
            if (value is null) continue;
            if (field.Shape == FieldShape.Object)
                foreach (var inner in Records(value)) yield return inner;
            else if (field.Shape == FieldShape.ObjectList)
                foreach (var item in (IEnumerable)value)
                    foreach (var inner in Records(item)) yield return inner;
        }
    }

    private XlsxWriter Build()
    {
        var planSheet = _book.AddSheet(WorkbookLayout.PlanSheet);
        WritePlanSheet(planSheet);
        foreach (var table in Layout.Tables)
        {
            WriteTable(_book.AddSheet(table.Name), table);
            if (Layout.Grid is { } grid && grid.OwnerType == table.ElementType) WriteGrid(_book.AddSheet(grid.Name), grid);
        }
        WriteInstructions();
        _book.Add(_listSheet);
        return _book;
    }

    // ---- the plan sheet: a form, one field per row ----

    private void WritePlanSheet(SheetWriter sheet)
    {
        string[] headers = ["区分", "項目", "値", "キー", "説明"];
        for (var c = 0; c < headers.Length; c++) sheet.Text(1, c + 1, headers[c], CellLook.Header);
        sheet.Width(1, 14);
        sheet.Width(2, 26);
        sheet.Width(3, 60);
        sheet.Width(4, 24);
        sheet.Width(5, 50);
        sheet.FrozenRows = 1;
        var row = 2;
        foreach (var formRow in Layout.Form)
        {
            object? owner = _plan;
            foreach (var step in formRow.Route) owner = owner is null ? null : step.GetValue(owner);
            var value = owner is null ? null : formRow.Field.Property.GetValue(owner);
            sheet.Text(row, 1, formRow.Group, CellLook.Reference);
            sheet.Text(row, 2, formRow.Field.Label + (formRow.Field.Required ? " *" : ""), CellLook.Reference);
            WriteCell(sheet, row, 3, formRow.Field, value);
            sheet.Text(row, 4, formRow.Path, CellLook.Reference);
            sheet.Text(row, 5, formRow.Field.Hint, CellLook.Reference);
            Validate(sheet, formRow.Field, CellRef.Of(row, 3));
            row++;
        }
    }

    // ---- table sheets: one row per record ----

    private void WriteTable(SheetWriter sheet, TableSheet table)
    {
        WriteHeaders(sheet, table.Columns);
        var row = 2;
        if (_template)
        {
            WriteExample(sheet, table);
            row = 3;
        }
        foreach (var (record, owner) in RowsOf(table))
        {
            var children = table.Flattened is { } child ? ((IEnumerable)child.Property.GetValue(record)!).Cast<object>().ToList() : [];
            for (var i = 0; i < Math.Max(1, children.Count); i++)
            {
                var column = 1;
                foreach (var spec in table.Columns)
                {
                    var first = i == 0;
                    switch (spec.Kind)
                    {
                        case ColumnKind.Number when first:
                            sheet.Number(row, column, NumberOf(record));
                            break;
                        case ColumnKind.Owner when first:
                            sheet.Text(row, column, owner, CellLook.Text);
                            break;
                        case ColumnKind.Field when first:
                            WriteCell(sheet, row, column, spec.Field!, spec.Field!.Property.GetValue(record));
                            break;
                        case ColumnKind.ListItem when first:
                            var items = (IReadOnlyList<string>)spec.Field!.Property.GetValue(record)!;
                            if (spec.Index <= items.Count)
                                sheet.Text(row, column, _references.LabelOf(spec.Field.References!.Kind, items[spec.Index - 1]), CellLook.Text);
                            break;
                        case ColumnKind.ChildField when children.Count > 0:
                            WriteCell(sheet, row, column, spec.Field!, spec.Field!.Property.GetValue(children[i]));
                            break;
                        default:
                            break;
                    }
                    column++;
                }
                row++;
            }
        }
        ValidateColumns(sheet, table.Columns, Math.Max(row + 200, 500));
    }

    private readonly Dictionary<object, int> _numbers = new(ReferenceEqualityComparer.Instance);

    private int NumberOf(object record)
    {
        if (!_numbers.TryGetValue(record, out var number)) _numbers[record] = number = _numbers.Count + 1;
        return number;
    }

    /// <summary>The records of a table with their owner's name, in plan order.</summary>
    internal IEnumerable<(object Record, string Owner)> RowsOf(TableSheet table) => RowsOf(table, _plan, PlanRecords);

    private static IEnumerable<(object Record, string Owner)> RowsOf(TableSheet table, Plan plan, IReadOnlyList<object> records)
    {
        foreach (var owner in records)
        {
            // By index: an enumerator of the parents list per record was a third of a workbook's garbage.
            for (var p = 0; p < table.Parents.Count; p++)
            {
                var (parentType, field) = table.Parents[p];
                if (parentType != owner.GetType()) continue;
                var name = OwnerName(plan, owner);
                foreach (var item in (IEnumerable)field.Property.GetValue(owner)!) yield return (item, name);
            }
        }
    }

    /// <summary>Every record of the plan in order, walked once per workbook rather than once per sheet.</summary>
    private IReadOnlyList<object> PlanRecords => _records ??= [.. Records(_plan)];
    private IReadOnlyList<object>? _records;

    /// <summary>計画, or the level's name and the record's key: 目標1, 施策3, 取組12.</summary>
    public static string OwnerName(Plan plan, object owner) =>
        owner is Plan ? WorkbookLayout.PlanSheet : (WorkbookLayout.LevelName(plan.Labels, owner.GetType()) ?? owner.GetType().Name) + KeyOf(owner);

    /// <summary>The record's id within the plan: its id field when set, otherwise its number.</summary>
    public static string KeyOf(object record)
    {
        var fields = ModelCatalog.FieldsOf(record.GetType());
        if (fields.FirstOrDefault(f => f.Name == "id")?.Property.GetValue(record) is string { Length: > 0 } id) return id;
        return Convert.ToString(fields.First(f => f.Name == "number").Property.GetValue(record), CultureInfo.InvariantCulture)!;
    }

    private void WriteExample(SheetWriter sheet, TableSheet table)
    {
        var column = 1;
        foreach (var spec in table.Columns)
        {
            var text = column == 1 ? WorkbookLayout.ExampleMark + ExampleOf(spec, table) : ExampleOf(spec, table);
            sheet.Text(2, column++, text, CellLook.Example);
        }
    }

    private string ExampleOf(SheetColumn column, TableSheet table) => column.Kind switch
    {
        ColumnKind.Number => "1",
        ColumnKind.Owner => table.Parents.Select(p => p.Parent).Where(t => t != typeof(Plan)).Select(t => WorkbookLayout.LevelName(_plan.Labels, t) + "1").FirstOrDefault() ?? WorkbookLayout.PlanSheet,
        ColumnKind.ListItem when column.Index == 1 => _references.Labels(column.Field!.References!.Kind) is [var first, ..] ? first : "",
        ColumnKind.Field or ColumnKind.ChildField => column.Field!.Shape switch
        {
            FieldShape.Enum => CellText.Enum(column.Field, ModelCatalog.EnumValue(column.Field.ElementType, 0)),
            FieldShape.Boolean => CellText.Yes,
            FieldShape.Integer when column.Field.FiscalYear is not null => CellText.Year(_plan.Period.Start),
            FieldShape.Integer => "1",
            _ when column.Field.Required => $"【{column.Field.Label}】",
            _ => "",
        },
        _ => "",
    };

    // ---- the fiscal-year grid ----

    private void WriteGrid(SheetWriter sheet, GridSheet grid)
    {
        WriteHeaders(sheet, grid.Columns);
        sheet.FrozenColumns = 4;
        var row = 2;
        var owners = Layout.Tables.First(t => t.ElementType == grid.OwnerType);
        if (_template)
        {
            var column = 1;
            foreach (var spec in grid.Columns)
            {
                var text = spec.Kind switch
                {
                    ColumnKind.Number => WorkbookLayout.ExampleMark + "1",
                    ColumnKind.RowKind => CellText.Enum(spec.Field!, ModelCatalog.EnumValue(spec.Field!.ElementType, 1)),
                    ColumnKind.YearValue when spec.Fy == grid.Years[^1] => "40%",
                    ColumnKind.YearValue when spec.Fy == grid.Years[^2] => "推進",
                    _ => "",
                };
                sheet.Text(2, column++, text, CellLook.Example);
            }
            row = 3;
        }
        foreach (var (record, owner) in RowsOf(owners))
        {
            var indicator = (Indicator)record;
            var values = ((IEnumerable)grid.Field.Property.GetValue(record)!).Cast<IndicatorValue>().ToList();
            var kindOf = values.Select(v => grid.KindField.Property.GetValue(v)!).ToList();
            foreach (var kind in kindOf.Distinct().OrderBy(k => (int)k))
            {
                // Each year's first value of this kind, looked up per column rather than searched for.
                var byYear = new Dictionary<int, IndicatorValue>();
                for (var i = 0; i < values.Count; i++)
                    if (Equals(kindOf[i], kind)) byYear.TryAdd(values[i].Fy, values[i]);
                var column = 1;
                foreach (var spec in grid.Columns)
                {
                    var value = byYear.GetValueOrDefault(spec.Fy);
                    switch (spec.Kind)
                    {
                        case ColumnKind.Number:
                            sheet.Number(row, column, NumberOf(record));
                            break;
                        case ColumnKind.Info when spec.Field is null:
                            sheet.Text(row, column, owner, CellLook.Reference);
                            break;
                        case ColumnKind.Info:
                            sheet.Text(row, column, Indicators.DisplayName(indicator), CellLook.Reference);
                            break;
                        case ColumnKind.RowKind:
                            sheet.Text(row, column, CellText.Enum(spec.Field!, kind), CellLook.Text);
                            break;
                        case ColumnKind.YearValue:
                            sheet.Text(row, column, value is null ? null : Indicators.Format(value, indicator), CellLook.Text);
                            break;
                        case ColumnKind.YearField when value is not null:
                            WriteCell(sheet, row, column, spec.Field!, spec.Field!.Property.GetValue(value));
                            break;
                        default:
                            sheet.Text(row, column, null, CellLook.Text);
                            break;
                    }
                    column++;
                }
                row++;
            }
        }
        ValidateColumns(sheet, grid.Columns, Math.Max(row + 200, 500));
    }

    // ---- cells, headers and lists ----

    private static void WriteHeaders(SheetWriter sheet, IReadOnlyList<SheetColumn> columns)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var spec = columns[c];
            sheet.Text(1, c + 1, spec.Header, CellLook.Header);
            sheet.Width(c + 1, spec.Kind switch
            {
                ColumnKind.Number => 7,
                ColumnKind.YearValue => 13,
                ColumnKind.YearField or ColumnKind.Info => 18,
                _ when spec.Field?.Multiline == true => 50,
                _ when spec.Field?.Shape is FieldShape.Integer or FieldShape.Boolean => 10,
                _ => 20,
            });
        }
        sheet.FrozenRows = 1;
    }

    private void WriteCell(SheetWriter sheet, int row, int column, FieldSpec field, object? value)
    {
        if (value is null)
        {
            sheet.Text(row, column, null, CellLook.Text);
            return;
        }
        switch (field.Shape)
        {
            case FieldShape.Integer when field.FiscalYear is not null:
                sheet.Text(row, column, CellText.Year((int)value), CellLook.Text);
                break;
            case FieldShape.Integer:
                sheet.Number(row, column, (int)value);
                break;
            case FieldShape.Number:
                sheet.Text(row, column, ((decimal)value).ToString(CultureInfo.InvariantCulture), CellLook.Text);
                break;
            case FieldShape.Boolean:
                sheet.Text(row, column, (bool)value ? CellText.Yes : null, CellLook.Text);
                break;
            case FieldShape.Enum:
                sheet.Text(row, column, CellText.Enum(field, value), CellLook.Text);
                break;
            case FieldShape.TextList:
                sheet.Text(row, column, CellText.List((IReadOnlyList<string>)value), CellLook.Text);
                break;
            case FieldShape.Text when field.References is { } reference:
                sheet.Text(row, column, _references.LabelOf(reference.Kind, (string)value), CellLook.Text);
                break;
            default:
                sheet.Text(row, column, (string)value, CellLook.Text);
                break;
        }
    }

    private void ValidateColumns(SheetWriter sheet, IReadOnlyList<SheetColumn> columns, int lastRow)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var spec = columns[c];
            var range = $"{CellRef.Of(2, c + 1)}:{CellRef.Of(lastRow, c + 1)}";
            switch (spec.Kind)
            {
                case ColumnKind.Field or ColumnKind.ChildField or ColumnKind.YearField or ColumnKind.RowKind or ColumnKind.ListItem:
                    Validate(sheet, spec.Field!, range);
                    break;
                case ColumnKind.YearValue:
                    sheet.Choices(range, List("状態", _vocabulary.StatusWords), strict: false,
                        "計画書のとおりに。数値は単位・修飾語ごと(5,500人、5.0%未満、40%)、数値の代わりの語は一覧から(推進、— など)。");
                    break;
                case ColumnKind.Owner:
                    sheet.Choices(range, List(WorkbookLayout.OwnerHeader, OwnerChoices()), strict: false, "この行が属する計画・柱・施策・取組(例: 目標1、取組4)");
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The owner names, made once: every table sheet has an owner column, and they share one list.</summary>
    private IReadOnlyList<string> OwnerChoices() => _ownerChoices ??=
        [.. PlanRecords.Where(r => r is Plan || WorkbookLayout.IsLevel(r.GetType())).Select(r => OwnerName(_plan, r))];
    private IReadOnlyList<string>? _ownerChoices;

    private void Validate(SheetWriter sheet, FieldSpec field, string range)
    {
        var hint = field.Hint ?? field.Label;
        if (field.Shape == FieldShape.Enum)
            sheet.Choices(range, List(field.Label + "(" + field.ElementType.Name + ")", [.. System.Enum.GetNames(field.ElementType).Select(n => EnumLabels.Of(field.ElementType, n))]), strict: true, hint);
        else if (field.Shape == FieldShape.Boolean)
            sheet.Choices(range, List(CellText.Yes, [CellText.Yes]), strict: true, $"{field.Label}なら {CellText.Yes}、そうでなければ空欄");
        else if (field.References is { } reference)
            sheet.Choices(range, List(reference.Kind.ToString(), _references.Labels(reference.Kind)), strict: true, hint);
        else if (_vocabulary.WordsOf(field) is { } words)
            sheet.Choices(range, List(field.VocabularyWord!.List, words), strict: false, hint + "。一覧にない語は content/vocabulary.yml に追加します");
        else if (field.FiscalYear is not null && _plan.Period.Start > 0)
            sheet.Choices(range, List("年度", [.. Enumerable.Range(_plan.Period.Start - 1, _plan.Period.End - _plan.Period.Start + 2).Select(CellText.Year)]), strict: false,
                hint + "。R8、令和8年度、2026 のどれでも読めます");
    }

    /// <summary>A column of the hidden lists sheet holding these words; the same list is written once.</summary>
    private string List(string key, IReadOnlyList<string> words)
    {
        if (_lists.TryGetValue(key, out var existing)) return existing;
        _listColumn++;
        _listSheet.Text(1, _listColumn, key, CellLook.Header);
        for (var i = 0; i < words.Count; i++) _listSheet.Text(i + 2, _listColumn, words[i]);
        var column = CellRef.Column(_listColumn);
        var formula = $"'{WorkbookLayout.ListsSheet}'!${column}$2:${column}${Math.Max(2, words.Count + 1)}";
        _lists[key] = formula;
        return formula;
    }

    // ---- the instructions sheet ----

    private void WriteInstructions()
    {
        var sheet = Instructions;
        sheet.Width(1, 22);
        sheet.Width(2, 28);
        sheet.Width(3, 90);
        var row = 1;
        sheet.Text(row++, 1, $"{(_plan.Municipality.Name.Length > 0 ? _plan.Municipality.Name + " " + _plan.Title : "DX推進計画")} — 入力用ブック", CellLook.Title);
        row++;
        foreach (var line in SheetGuide.Lines(_plan, Layout, _template))
            sheet.Text(row++, 1, line);
        row++;
        sheet.Text(row, 1, "シート", CellLook.Header);
        sheet.Text(row, 2, "列", CellLook.Header);
        sheet.Text(row++, 3, "書き方", CellLook.Header);
        foreach (var table in Layout.Tables)
        {
            foreach (var column in table.Columns)
            {
                sheet.Text(row, 1, table.Name, CellLook.Reference);
                sheet.Text(row, 2, column.Header, CellLook.Reference);
                sheet.Text(row++, 3, SheetGuide.ColumnHelp(column, _plan), CellLook.Reference);
            }
        }
        if (Layout.Grid is { } grid)
        {
            foreach (var column in grid.Columns.Where(c => c.Kind != ColumnKind.YearField && (c.Kind != ColumnKind.YearValue || c.Fy == grid.Years[0])))
            {
                sheet.Text(row, 1, grid.Name, CellLook.Reference);
                sheet.Text(row, 2, column.Kind == ColumnKind.YearValue ? "年度の列(令和7年度(2025) など)" : column.Header, CellLook.Reference);
                sheet.Text(row++, 3, SheetGuide.ColumnHelp(column, _plan), CellLook.Reference);
            }
        }
    }
}
