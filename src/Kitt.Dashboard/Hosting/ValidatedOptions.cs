using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Kitt.Dashboard.Hosting;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> and checks its data annotations when the app starts,
    /// each failure naming the configuration key, the rule and the value: <c>Docker:PollSeconds must be between 1 and
    /// 3600, got 0</c>. A bad value stops the start; nothing downstream clamps or replaces it.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new KeyedAnnotationsValidator<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }
}

/// <summary>Data annotations checked property by property, nested option objects included, with the key of each.</summary>
internal sealed class KeyedAnnotationsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Check(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object options, string prefix, List<string> failures)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanWrite)
            {
                continue; // derived values (e.g. KafkaOptions.Enabled) are not configuration
            }

            var key = $"{prefix}:{property.Name}";
            var value = property.GetValue(options);
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!rule.IsValid(value))
                {
                    failures.Add($"{key} {Describe(rule)}, got {Show(value)}");
                }
            }

            if (value is not null && IsOptionsObject(property.PropertyType))
            {
                Check(value, key, failures);
            }
        }

        if (options is IValidatableObject self)
        {
            failures.AddRange(self.Validate(new ValidationContext(options))
                .Select(r => $"{prefix}:{string.Join(", ", r.MemberNames)} {r.ErrorMessage}"));
        }
    }

    private static bool IsOptionsObject(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("Kitt.", StringComparison.Ordinal) == true;

    private static string Describe(ValidationAttribute rule) => rule switch
    {
        RangeAttribute r => $"must be between {r.Minimum} and {r.Maximum}",
        RequiredAttribute => "is required",
        MinLengthAttribute m => $"must have at least {m.Length} characters",
        MaxLengthAttribute m => $"must have at most {m.Length} characters",
        _ => rule.ErrorMessage ?? rule.FormatErrorMessage("the value").TrimEnd('.'),
    };

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
