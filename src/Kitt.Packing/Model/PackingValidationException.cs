namespace Kitt.Packing;

/// <summary>One problem with a request, naming the field as it is spelled in JSON, e.g. <c>items[3].length</c>.</summary>
/// <param name="Field">Path of the offending field.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record FieldError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Thrown when a request cannot be packed as given; lists every problem found.</summary>
public sealed class PackingValidationException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">At least one problem.</param>
    public PackingValidationException(IReadOnlyList<FieldError> errors)
        : base("Invalid packing request: " + string.Join("; ", errors.Take(10)) +
               (errors.Count > 10 ? $"; and {errors.Count - 10} more" : ""))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in request order.</summary>
    public IReadOnlyList<FieldError> Errors { get; }
}
