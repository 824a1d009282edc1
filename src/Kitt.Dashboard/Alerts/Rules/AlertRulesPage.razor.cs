using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>The Admin's rule editor: the rules in force, a form for one, and the latest changes with their authors.</summary>
public sealed partial class AlertRulesPage
{
    private IReadOnlyList<RuleView> rules = [];
    private IReadOnlyList<RuleChangeView> changes = [];
    private RuleForm? editing;
    private bool editingExisting;
    private IReadOnlyDictionary<string, string[]> problems = new Dictionary<string, string[]>();
    private string? conflict;

    [Inject]
    private AlertRuleBook Book { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private IEnumerable<SignalInfo> Signals =>
        Enum.TryParse<RuleScope>(editing?.Scope, ignoreCase: true, out var scope) ? SignalInfo.All.Where(s => s.Scopes.Contains(scope)) : SignalInfo.All;

    private string? LabelProblem => Problem("labels") ?? problems.FirstOrDefault(p => p.Key.StartsWith("labels.", StringComparison.Ordinal)).Value?.FirstOrDefault();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        await Book.RefreshIfStaleAsync(CancellationToken.None);
        rules = Book.List();
        changes = await Book.HistoryAsync(null, 20);
    }

    private string? Problem(string field) => problems.TryGetValue(field, out var texts) ? texts[0] : null;

    private void New() => Open(new RuleForm { Scope = "containers", Signal = "cpu_percent", Threshold = 80 }, existing: false);

    private void Edit(RuleView rule) => Open(RuleForm.Of(rule), existing: true);

    private void Open(RuleForm form, bool existing)
    {
        (editing, editingExisting, conflict) = (form, existing, null);
        problems = new Dictionary<string, string[]>();
    }

    private void Cancel() => editing = null;

    // A scope measures its own signals: one the new scope lacks gives way to its first.
    private void ScopeChanged(string scope)
    {
        editing!.Scope = scope;
        if (!Signals.Any(s => s.Name == editing.Signal))
        {
            editing.Signal = Signals.First().Name;
        }
    }

    private async Task SaveAsync()
    {
        if (editing is null)
        {
            return;
        }

        var (spec, labelProblem) = editing.Spec();
        if (labelProblem is not null)
        {
            problems = new Dictionary<string, string[]> { ["labels"] = [labelProblem] };
            return;
        }

        var outcome = await Book.SaveAsync(editing.Id?.Trim() ?? "", spec, Callers.Name((await Authentication).User));
        (problems, conflict) = (outcome.Problems ?? new Dictionary<string, string[]>(), outcome.Conflict);
        if (outcome.Rule is { } saved)
        {
            editing = null;
            Snackbar.Add($"Rule {saved.Id} saved; the next evaluation uses it.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(RuleView rule)
    {
        await Book.DeleteAsync(rule.Id, Callers.Name((await Authentication).User));
        Snackbar.Add($"Rule {rule.Id} deleted; its alerts resolve at the next evaluation.", Severity.Info);
        editing = editing?.Id == rule.Id ? null : editing;
        await LoadAsync();
    }

    private static string LabelText(IReadOnlyDictionary<string, string> labels) => string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}"));

    /// <summary>What the form edits: the rule's fields as text, the way people type them.</summary>
    private sealed class RuleForm
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string Scope { get; set; } = "host";

        public string? Match { get; set; }

        public string Signal { get; set; } = "cpu_percent";

        public string Operator { get; set; } = ">=";

        public double? Threshold { get; set; }

        public string? For { get; set; } = "10s";

        public string? Window { get; set; } = "10m";

        public double ResolveMargin { get; set; }

        public string Severity { get; set; } = "warning";

        public string? Labels { get; set; }

        public bool Enabled { get; set; } = true;

        public int Version { get; set; }

        public static RuleForm Of(RuleView r) => new()
        {
            Id = r.Id, Name = r.Name, Scope = r.Scope, Match = r.Scope == "containers" ? r.Match : null, Signal = r.Signal, Operator = r.Operator,
            Threshold = r.Threshold, For = r.For, Window = r.Window ?? "10m", ResolveMargin = r.ResolveMargin, Severity = r.Severity,
            Labels = LabelText(r.Labels), Enabled = r.Enabled, Version = r.Version,
        };

        /// <returns>The rule as the API takes it, or what is wrong with the labels as typed.</returns>
        public (RuleSpec Spec, string? LabelProblem) Spec()
        {
            var labels = new Dictionary<string, string>();
            foreach (var part in (Labels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=');
                if (eq <= 0)
                {
                    return (new RuleSpec(), $"'{part}' is not name=value.");
                }

                labels[part[..eq].Trim()] = part[(eq + 1)..].Trim();
            }

            var windowed = SignalInfo.Find(Signal) is { Windowed: true };
            return (new RuleSpec(Name?.Trim(), Scope, Scope is "containers" ? Match : null, Signal, Operator, Threshold,
                string.IsNullOrWhiteSpace(For) ? null : For.Trim(), windowed ? Window?.Trim() : null, ResolveMargin, Severity, labels, Enabled, Version), null);
        }
    }
}
