namespace QuizPlatform.Web.Tests.Features.AdminAssignments;

/// <summary>Small assignment documents whose differences the tests name.</summary>
public static class Documents
{
    public const string Original = """
        # Pooling week

        1. What does a pooling layer do?
        2. Why do CNNs share weights?
        3. What is a stride?

        ## Solution

        1. A pooling layer downsamples feature maps and keeps the strongest activations.

        2. Sharing weights lets one filter detect a pattern anywhere in the image with few parameters.

        3. The stride is the step the filter moves between positions on the input.
        """;

    /// <summary><see cref="Original"/> with answer 1 reworded, question 2 as it was, 3 removed and 4 added.</summary>
    public const string Revised = """
        # Pooling week

        1. What does a pooling layer do?
        2. Why do CNNs share weights?
        4. What is padding for?

        ## Solution

        1. Pooling reduces the spatial size of feature maps, summarising each neighbourhood.

        2. Sharing weights lets one filter detect a pattern anywhere in the image with few parameters.

        4. Padding adds a border around the input so that filters can cover its edges.
        """;

    /// <summary>Answer 2 has no question: an error on line 9.</summary>
    public const string Broken = """
        # Week 1

        1. What is a CNN?

        ## Solution

        1. A network of convolution layers.

        2. Pooling shrinks feature maps.
        """;
}
