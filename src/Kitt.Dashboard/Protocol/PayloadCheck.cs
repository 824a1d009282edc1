using System.Globalization;
using Kitt.Packing;

namespace Kitt.Dashboard.Protocol;

/// <summary>Collects what is wrong with a payload, each problem naming its field the way the client spelled it.</summary>
public sealed class PayloadCheck
{
    private readonly List<FieldError> errors = [];

    public IReadOnlyList<FieldError> Errors => errors;

    public void Fail(string field, string message) => errors.Add(new FieldError("payload." + field, message));

    public void Required(string? value, string field, int maxLength = 256)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "is required");
        }
        else if (value.Length > maxLength)
        {
            Fail(field, $"must be at most {maxLength} characters");
        }
    }

    public void Optional(string? value, string field, int maxLength = 1024)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            Fail(field, $"must be at most {maxLength} characters");
        }
    }

    public void OneOf(string? value, string field, IReadOnlyCollection<string> allowed, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Fail(field, "is required");
            }
        }
        else if (!allowed.Contains(value))
        {
            Fail(field, $"must be one of {string.Join(", ", allowed)}");
        }
    }

    /// <returns>Whether the value is there and above zero.</returns>
    public bool Positive(double? value, string field)
    {
        if (value is not { } v)
        {
            Fail(field, "is required");
            return false;
        }

        if (!(v > 0) || double.IsInfinity(v))
        {
            Fail(field, "must be > 0, got " + v.ToString(CultureInfo.InvariantCulture));
            return false;
        }

        return true;
    }

    public void Between(double? value, string field, double min, double max, bool required = true)
    {
        if (value is not { } v)
        {
            if (required)
            {
                Fail(field, "is required");
            }
        }
        else if (!(v >= min && v <= max))
        {
            Fail(field, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, got {v.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    public void NotNegative(double? value, string field, bool required = false) =>
        Between(value, field, 0, double.MaxValue, required);
}
