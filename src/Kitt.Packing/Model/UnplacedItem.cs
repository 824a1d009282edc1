namespace Kitt.Packing;

/// <summary>Why boxes were left out.</summary>
public enum UnplacedReason
{
    /// <summary>No container kind is large enough in any allowed orientation.</summary>
    DoesNotFit,
    /// <summary>One box weighs more than any container's payload.</summary>
    TooHeavy,
    /// <summary>The box would fit, but the available containers are full.</summary>
    NoCapacity,
}

/// <summary>Boxes of one line that were not placed.</summary>
/// <param name="ItemIndex">Index of the line in <see cref="PackingRequest.Items"/>.</param>
/// <param name="ItemId">The line's id or SKU.</param>
/// <param name="Count">How many of the line's boxes were left out.</param>
/// <param name="Reason">Why.</param>
/// <param name="Message">The reason in words, for people.</param>
public sealed record UnplacedItem(int ItemIndex, string ItemId, int Count, UnplacedReason Reason, string Message);
