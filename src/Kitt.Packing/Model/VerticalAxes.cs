namespace Kitt.Packing;

/// <summary>
/// Which of an item's own dimensions may stand vertical. An orientation is allowed when the dimension
/// that ends up along the container's height is in the set; rotation about the vertical axis is always free.
/// </summary>
[Flags]
public enum VerticalAxes
{
    /// <summary>No orientation allowed (rejected by validation).</summary>
    None = 0,
    /// <summary>The item's length may stand vertical.</summary>
    Length = 1,
    /// <summary>The item's width may stand vertical.</summary>
    Width = 2,
    /// <summary>The item's height may stand vertical ("this side up" is exactly this).</summary>
    Height = 4,
    /// <summary>Any orientation.</summary>
    Any = Length | Width | Height,
}
