using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Security;

namespace Kitt.Dashboard.Alerts.Rules;

/// <summary>
/// <c>/api/alerts/rules</c>: Analysts and Admins read the rules and their history; Admins create, change and delete
/// them. A change applies at the next evaluation, without a restart.
/// </summary>
public static class RuleEndpoints
{
    public static IEndpointRouteBuilder MapAlertRules(this IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/alerts/rules").RequireAuthorization(Policies.Analyze).WithTags("Alerts");
        var write = endpoints.MapGroup("/api/alerts/rules").RequireAuthorization(Policies.Administer).WithTags("Alerts");

        read.MapGet("", async (AlertRuleBook rules, CancellationToken ct) =>
        {
            await rules.RefreshIfStaleAsync(ct);
            return Results.Json(rules.List());
        }).WithName("ListAlertRules").WithSummary("Every rule in force, enabled or not: the defaults first, then the others by id")
        .Produces<IReadOnlyList<RuleView>>();

        read.MapGet("/history", async (int? take, AlertRuleBook rules, CancellationToken ct) => Results.Json(await rules.HistoryAsync(null, take ?? 100, ct)))
            .WithName("AlertRuleHistory").WithSummary("Changes of every rule, newest first (100 unless take says otherwise, at most 500)")
            .Produces<IReadOnlyList<RuleChangeView>>();

        read.MapGet("/{id}", async (string id, AlertRuleBook rules, CancellationToken ct) =>
        {
            await rules.RefreshIfStaleAsync(ct);
            return rules.Find(id) is { } rule ? Results.Json(rule) : NoSuchRule(id);
        }).WithName("GetAlertRule").WithSummary("One rule").Produces<RuleView>().ProducesProblem(StatusCodes.Status404NotFound);

        read.MapGet("/{id}/history", async (string id, int? take, AlertRuleBook rules, CancellationToken ct) =>
            Results.Json(await rules.HistoryAsync(id, take ?? 100, ct)))
            .WithName("GetAlertRuleHistory").WithSummary("One rule's changes, newest first: who, when, and the rule after each")
            .Produces<IReadOnlyList<RuleChangeView>>();

        write.MapPut("/{id}", async (string id, HttpRequest request, AlertRuleBook rules, CancellationToken ct) =>
        {
            var (body, error) = await JsonBody.ReadAsync<RuleSpec>(request, "a rule", ct);
            if (body is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [error!.Field] = [error.Message] });
            }

            var existed = rules.Find(id) is not null;
            var outcome = await rules.SaveAsync(id, body, Callers.Name(request.HttpContext.User), ct);
            return outcome switch
            {
                { Conflict: { } conflict } => Results.Problem(conflict, statusCode: StatusCodes.Status409Conflict),
                { Rule: { } rule } when existed => Results.Json(rule),
                { Rule: { } rule } => Results.Created($"/api/alerts/rules/{rule.Id}", rule),
                _ => Results.ValidationProblem(outcome.Problems!),
            };
        }).Accepts<RuleSpec>("application/json")
        .WithName("SetAlertRule").WithSummary("Creates or replaces a rule (a default one too); it applies at the next evaluation")
        .Produces<RuleView>().Produces<RuleView>(StatusCodes.Status201Created)
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        write.MapDelete("/{id}", async (string id, HttpContext context, AlertRuleBook rules, CancellationToken ct) =>
            await rules.DeleteAsync(id, Callers.Name(context.User), ct) is { } rule ? Results.Json(rule) : NoSuchRule(id))
            .WithName("DeleteAlertRule").WithSummary("Deletes a rule; its alerts resolve at the next evaluation. A deleted default stays deleted until it is set again")
            .Produces<RuleView>().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static IResult NoSuchRule(string id) => Results.Problem($"There is no rule {id}.", statusCode: StatusCodes.Status404NotFound);
}
