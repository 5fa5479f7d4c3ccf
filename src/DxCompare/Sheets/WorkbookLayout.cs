using System.Reflection;
using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Sheets;

public enum ColumnKind
{
    /// <summary>The row's number, which the fiscal-year grid refers to (指標No.).</summary>
    Number,
    /// <summary>Which object the row belongs to: 計画, 目標1, 施策3, 取組12.</summary>
    Owner,
    /// <summary>A field of the row's object.</summary>
    Field,
    /// <summary>One item of a list of ids (トピック1, トピック2 …).</summary>
    ListItem,
    /// <summary>A field of an item of the one list flattened into the table (項目・内容).</summary>
    ChildField,
    /// <summary>Repeated from another sheet so the row reads on its own; not imported.</summary>
    Info,
    /// <summary>The kind of value a grid row holds (基準値・現況, 目標値, 実績値).</summary>
    RowKind,
    /// <summary>A grid cell: the value as printed for one fiscal year.</summary>
    YearValue,
    /// <summary>A grid cell: another field of the value of one fiscal year (注記, 評価 …).</summary>
    YearField,
}

public sealed record SheetColumn(string Header, ColumnKind Kind, FieldSpec? Field = null, int Fy = 0, int Index = 0)
{
    public string? Hint => Field?.Hint;
}

/// <summary>A sheet with one row per object of one type (or, for a flattened list, per item).</summary>
public sealed record TableSheet(string Name, Type ElementType, IReadOnlyList<(Type Parent, FieldSpec Field)> Parents,
    IReadOnlyList<SheetColumn> Columns, FieldSpec? Flattened)
{
    public bool HasOwner => Columns.Any(c => c.Kind == ColumnKind.Owner);
    public bool Numbered => Columns.Any(c => c.Kind == ColumnKind.Number);
}

/// <summary>The fiscal-year grid: a row per indicator and kind of value, a column per fiscal year.</summary>
public sealed record GridSheet(string Name, Type OwnerType, FieldSpec Field, FieldSpec YearField, FieldSpec KindField,
    IReadOnlyList<FieldSpec> PrintedFields, IReadOnlyList<int> Years, IReadOnlyList<SheetColumn> Columns);

/// <summary>
/// How one plan maps onto a workbook, derived from the model (<see cref="ModelCatalog"/>) rather than written
/// per field: the plan's scalar fields on a form sheet; every list of records on a table sheet (levels named
/// with the plan's own words); the fiscal-year grid of each indicator (the field the CMS edits as a grid) on a
/// sheet with a column per fiscal year. A field added to the model appears in the workbook without code here.
/// </summary>
public sealed class WorkbookLayout
{
    public const string InstructionsSheet = "説明";
    public const string PlanSheet = "計画";
    public const string ListsSheet = "選択肢";
    public const string GridSheetName = "年度別の値";
    public const string OwnerHeader = "所属";
    public const string NumberHeader = "No.";
    public const string ExampleMark = "例）";
    public const string NoteHeader = "注記";

    /// <summary>The widget name the model gives the fiscal-year grid (the CMS's fy-values widget).</summary>
    private const string GridWidget = "fy-values";

    private WorkbookLayout(IReadOnlyList<FormRow> form, IReadOnlyList<TableSheet> tables, GridSheet? grid)
    {
        Form = form;
        Tables = tables;
        Grid = grid;
    }

    /// <summary>The rows of the 計画 sheet: every scalar field of the plan and of its nested records.</summary>
    public IReadOnlyList<FormRow> Form { get; }

    /// <summary>The table sheets, parents before children (the order an import reads them).</summary>
    public IReadOnlyList<TableSheet> Tables { get; }

    public GridSheet? Grid { get; }

    /// <summary>The sheets in the order a reader meets them: the grid right after the sheet of its indicators.</summary>
    public IEnumerable<string> SheetNames =>
        new[] { InstructionsSheet, PlanSheet }.Concat(Tables.SelectMany(t => Grid is not null && t.ElementType == Grid.OwnerType ? [t.Name, Grid.Name] : new[] { t.Name }));

    public sealed record FormRow(string Path, string Group, FieldSpec Field, IReadOnlyList<PropertyInfo> Route);

    /// <summary>Whether records of this type are a level of the plan, named in <see cref="LevelLabels"/> (目標, 施策, 取組).</summary>
    public static bool IsLevel(Type type) => LevelProperty(type) is not null;

    private static PropertyInfo? LevelProperty(Type type) => typeof(LevelLabels).GetProperty(type.Name);

    /// <summary>The plan's word for a level: 目標 / 視点 for pillars; null when the plan does not use it.</summary>
    public static string? LevelName(LevelLabels labels, Type type) =>
        LevelProperty(type)?.GetValue(labels) as string is { Length: > 0 } name ? name : null;

    /// <param name="labels">The plan's level names: a level the plan does not name gets no sheet.</param>
    /// <param name="years">The fiscal years of the grid's columns.</param>
    /// <param name="usedValueFields">Fields of a value besides its number, status, qualifier and note that the plan uses: they get a column per year.</param>
    /// <param name="listWidths">How many columns a list of ids gets (トピック1…N), by field name.</param>
    public static WorkbookLayout Create(LevelLabels labels, IReadOnlyList<int> years, IReadOnlySet<string> usedValueFields,
        IReadOnlyDictionary<string, int> listWidths)
    {
        var form = new List<FormRow>();
        FormRows(typeof(Plan), "", "", [], form);

        // Breadth first from the plan: every list of records, grouped by the type of its records.
        var parents = new Dictionary<Type, List<(Type, FieldSpec)>>();
        var order = new List<Type>();
        var flattened = new Dictionary<Type, FieldSpec>();
        GridSheet? grid = null;
        var queue = new Queue<Type>([typeof(Plan)]);
        var visited = new HashSet<Type> { typeof(Plan) };
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            foreach (var field in ModelCatalog.FieldsOf(type).Where(f => f.Shape == FieldShape.ObjectList))
            {
                var element = field.ElementType;
                if (field.CmsWidget == GridWidget)
                {
                    grid = CreateGrid(type, field, years, usedValueFields);
                    continue;
                }
                if (type != typeof(Plan) && !IsLevel(type) && IsLeaf(element) && !flattened.ContainsKey(type))
                {
                    flattened[type] = field;
                    continue;
                }
                if (IsLevel(element) && LevelName(labels, element) is null) continue;
                if (!parents.TryGetValue(element, out var list))
                {
                    parents[element] = list = [];
                    order.Add(element);
                }
                list.Add((type, field));
                if (visited.Add(element)) queue.Enqueue(element);
            }
        }

        // Parents before children, so an import knows every owner a row names; the plan's levels first.
        var depth = new Dictionary<Type, int> { [typeof(Plan)] = 0 };
        int Depth(Type type) => depth.TryGetValue(type, out var d) ? d : depth[type] = 1 + parents[type].Max(p => p.Item1 == type ? 0 : Depth(p.Item1));
        order = [.. order.OrderBy(t => IsLevel(t) ? 0 : 1).ThenBy(Depth).ThenBy(order.IndexOf)];
        var numbered = grid?.OwnerType;
        var tables = order.Select(type =>
        {
            var from = parents[type];
            var name = LevelName(labels, type) ?? SheetName(from.Select(p => p.Item2.Label).OrderBy(l => l.Length).First());
            var columns = new List<SheetColumn>();
            if (type == numbered) columns.Add(new SheetColumn(NumberHeader, ColumnKind.Number));
            if (from.Count > 1 || from[0].Item1 != typeof(Plan)) columns.Add(new SheetColumn(OwnerHeader, ColumnKind.Owner));
            columns.AddRange(FieldColumns(type, listWidths));
            flattened.TryGetValue(type, out var child);
            if (child is not null)
            {
                columns.AddRange(ModelCatalog.FieldsOf(child.ElementType)
                    .Where(f => f.Shape is not (FieldShape.Object or FieldShape.ObjectList))
                    .Select(f => new SheetColumn($"{child.Label}・{f.Label}", ColumnKind.ChildField, f)));
            }
            return new TableSheet(name, type, from, columns, child);
        }).ToList();
        return new WorkbookLayout(form, tables, grid);
    }

    private static IEnumerable<SheetColumn> FieldColumns(Type type, IReadOnlyDictionary<string, int> listWidths)
    {
        foreach (var field in ModelCatalog.FieldsOf(type))
        {
            if (field.Shape is FieldShape.Object or FieldShape.ObjectList) continue;
            if (field.Shape == FieldShape.TextList && field.References is not null)
            {
                var width = Math.Max(3, listWidths.GetValueOrDefault(field.Name));
                for (var i = 1; i <= width; i++) yield return new SheetColumn($"{field.Label}{i}", ColumnKind.ListItem, field, Index: i);
            }
            else yield return new SheetColumn(field.Label, ColumnKind.Field, field);
        }
    }

    private static GridSheet CreateGrid(Type ownerType, FieldSpec field, IReadOnlyList<int> years, IReadOnlySet<string> used)
    {
        var valueFields = ModelCatalog.FieldsOf(field.ElementType);
        var yearField = valueFields.First(f => f.Required && f.FiscalYear is not null);
        var kindField = valueFields.First(f => f.Required && f.Shape == FieldShape.Enum);
        var printed = valueFields.Where(f => f.Name is "value" or "status" or "qualifier").ToList();
        var perYear = valueFields
            .Where(f => f != yearField && f != kindField && !printed.Contains(f) && f.Shape is not (FieldShape.Object or FieldShape.ObjectList))
            .Where(f => f.Name == "note" || used.Contains(f.Name))
            .OrderBy(f => f.Name == "note" ? 0 : 1) // the note right beside the value it qualifies
            .ToList();
        var ownerName = ModelCatalog.FieldsOf(ownerType).First(f => f.Required && f.Shape == FieldShape.Text);
        var columns = new List<SheetColumn>
        {
            new($"{NameOfNumbered(ownerName)}{NumberHeader}", ColumnKind.Number),
            new($"{OwnerHeader}(参考)", ColumnKind.Info),
            new($"{ownerName.Label}(参考)", ColumnKind.Info, ownerName),
            new(kindField.Label, ColumnKind.RowKind, kindField),
        };
        foreach (var fy in years)
        {
            columns.Add(new SheetColumn(YearHeader(fy), ColumnKind.YearValue, Fy: fy));
            columns.AddRange(perYear.Select(f => new SheetColumn($"{YearHeader(fy)} {f.Label}", ColumnKind.YearField, f, fy)));
        }
        return new GridSheet(GridSheetName, ownerType, field, yearField, kindField, printed, years, columns);
    }

    private static string NameOfNumbered(FieldSpec name) => name.Label.EndsWith('名') ? name.Label[..^1] : name.Label;

    /// <summary>令和7年度 (2025): a fiscal-year column, in 和暦 with 西暦.</summary>
    public static string YearHeader(int fy) => $"{FiscalYear.Wareki(fy)}\n({fy})";

    private static bool IsLeaf(Type type) =>
        ModelCatalog.FieldsOf(type).All(f => f.Shape is not (FieldShape.Object or FieldShape.ObjectList));

    private static void FormRows(Type type, string prefix, string group, IReadOnlyList<PropertyInfo> route, List<FormRow> rows)
    {
        foreach (var field in ModelCatalog.FieldsOf(type))
        {
            if (field.Shape == FieldShape.Object)
                FormRows(field.ElementType, prefix + field.Name + ".", field.Label, [.. route, field.Property], rows);
            else if (field.Shape != FieldShape.ObjectList)
                rows.Add(new FormRow(prefix + field.Name, group, field, route));
        }
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(string label)
    {
        var name = new string([.. label.Select(c => ":\\/?*[]".Contains(c) ? '・' : c)]);
        return name.Length <= 31 ? name : name[..31];
    }
}
