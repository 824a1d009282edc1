using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Telemetry;

/// <summary><c>OpenTelemetry:*</c>: where to push metrics and traces over OTLP. Unset, nothing is pushed.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "OpenTelemetry";

    /// <summary>The collector's OTLP/HTTP base address, e.g. <c>http://otel-collector:4318</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The service name the collector files the data under.</summary>
    [Required]
    public string ServiceName { get; set; } = "kitt-dashboard";

    public Uri? EndpointUri => string.IsNullOrWhiteSpace(Endpoint) ? null : new Uri(Endpoint.TrimEnd('/') + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Endpoint)
            && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"must be an http or https address such as http://otel-collector:4318, got '{Endpoint}'", [nameof(Endpoint)]);
        }
    }
}
