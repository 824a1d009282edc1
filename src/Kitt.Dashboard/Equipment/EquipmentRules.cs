using System.Globalization;
using Kitt.Packing;

namespace Kitt.Dashboard.Equipment;

/// <summary>What custom equipment must satisfy; every problem names its field as the API spells it.</summary>
public static class EquipmentRules
{
    public const int MaxCode = Protocol.ShipmentLimits.MaxEquipmentCode;
    public const int MaxName = 64;

    /// <summary>Longer than any road or rail unit (a 53 ft trailer is 16 m inside), so a mistyped unit is caught.</summary>
    public const double MaxSideCm = 3_000;

    /// <summary>Heavier than any road or rail unit may carry.</summary>
    public const double MaxPayloadKg = 100_000;

    public static IReadOnlyList<FieldError> Check(string code, EquipmentInput input)
    {
        var errors = new List<FieldError>();
        if (CheckCode(code) is { } codeError)
        {
            errors.Add(new("code", codeError));
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new("name", "is required"));
        }
        else if (input.Name.Trim().Length > MaxName)
        {
            errors.Add(new("name", $"at most {MaxName} characters, got {input.Name.Trim().Length}"));
        }

        Side(input.Length, "length", errors);
        Side(input.Width, "width", errors);
        Side(input.Height, "height", errors);
        if (!(double.IsFinite(input.MaxPayloadKg) && input.MaxPayloadKg is > 0 and <= MaxPayloadKg))
        {
            errors.Add(new("maxPayloadKg", $"must be more than 0 and at most {MaxPayloadKg.ToString("N0", CultureInfo.InvariantCulture)} kg, got {input.MaxPayloadKg}"));
        }

        return errors;
    }

    /// <returns>Why <paramref name="code"/> cannot name custom equipment, or null when it can.</returns>
    public static string? CheckCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCode)
        {
            return $"must be 1 to {MaxCode} characters, got {code?.Length ?? 0}";
        }

        // Codes appear in URLs, CSV and Excel cells: letters, digits, dots and dashes need no quoting anywhere.
        if (!code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
        {
            return $"may hold only letters, digits, '.' and '-', got '{code}'";
        }

        return StandardEquipment.All.FirstOrDefault(e => e.IsNamed(code)) is { } standard
            ? $"'{code}' names the standard {standard.Name}; choose another code"
            : null;
    }

    private static void Side(double value, string field, List<FieldError> errors)
    {
        if (!(double.IsFinite(value) && value is > 0 and <= MaxSideCm))
        {
            errors.Add(new(field, $"must be more than 0 and at most {MaxSideCm.ToString("N0", CultureInfo.InvariantCulture)} cm, got {value}"));
        }
    }
}
