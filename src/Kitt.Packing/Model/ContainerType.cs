namespace Kitt.Packing;

/// <summary>A kind of container, by its inner dimensions in centimetres.</summary>
/// <param name="Length">Inner length (x axis, from the back wall at x = 0 to the door at x = length), cm.</param>
/// <param name="Width">Inner width (y axis), cm.</param>
/// <param name="Height">Inner height (z axis, vertical), cm.</param>
/// <param name="MaxPayloadKg">Maximum payload in kg; null means no limit.</param>
/// <param name="Count">How many containers of this kind are available; null means as many as needed.</param>
public sealed record ContainerType(
    double Length,
    double Width,
    double Height,
    double? MaxPayloadKg = null,
    int? Count = 1);
