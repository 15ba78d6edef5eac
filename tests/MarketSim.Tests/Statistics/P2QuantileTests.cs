using MarketSim.Grains.Statistics;

namespace MarketSim.Tests.Statistics;

/// <summary>
/// The P² estimator the summaries use (Jain and Chlamtac 1985) gives, bit for bit, the estimates of the algorithm
/// as published: its cell search and marker moves are written without branches on the value, and must not change a
/// single rounding.
/// </summary>
public class P2QuantileTests
{
    /// <summary>The first five values of the stream whose later values all equal its second and third markers.</summary>
    private static readonly double[] Start = [1, 2, 2, 3, 3];

    public static TheoryData<string> Streams => ["uniform", "exponential", "quarter hours with ties", "three values", "values equal to markers", "ascending", "descending"];

    [Theory]
    [MemberData(nameof(Streams))]
    public void Estimates_are_those_of_the_published_algorithm_after_every_value(string stream)
    {
        foreach (var p in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
        {
            var estimator = new P2Quantile(p);
            var reference = new PublishedP2(p);
            var random = new Random(7);
            for (var i = 0; i < 20_000; i++)
            {
                var x = stream switch
                {
                    "uniform" => random.NextDouble(),
                    "exponential" => -Math.Log(1 - random.NextDouble()),
                    "quarter hours with ties" => 0.25 * random.Next(1, 40),
                    "three values" => random.Next(1, 4),
                    "values equal to markers" => i < 5 ? Start[i] : 2,
                    "ascending" => i,
                    _ => -i,
                };
                estimator.Add(x);
                reference.Add(x);
                Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Estimate()), BitConverter.DoubleToInt64Bits(estimator.Estimate()));
                if (i >= 5)
                {
                    for (var m = 0; m < 5; m++)
                    {
                        Assert.Equal(reference.Marker(m), estimator.Marker(m));
                    }
                }
            }
        }
    }

    [Fact]
    public void Fewer_than_five_values_give_the_exact_sample_quantile()
    {
        var estimator = new P2Quantile(0.25);
        foreach (var x in new[] { 4.0, 1.0, 3.0, 2.0 })
        {
            estimator.Add(x);
        }

        // R type 7 of 1, 2, 3, 4 at p = 0.25: 1 + 0.75 × (2 − 1).
        Assert.Equal(1.75, estimator.Estimate());
    }

    /// <summary>The algorithm as the paper states it: the cell found by walking the markers, every marker above it moved one place.</summary>
    private sealed class PublishedP2(double p)
    {
        private readonly double[] _q = new double[5];
        private readonly double[] _n = new double[5];
        private readonly double[] _desired = [1, 1 + (2 * p), 1 + (4 * p), 3 + (2 * p), 5];
        private readonly double[] _increment = [0, p / 2, p, (1 + p) / 2, 1];
        private int _count;

        public void Add(double x)
        {
            if (_count < 5)
            {
                _q[_count++] = x;
                if (_count == 5)
                {
                    Array.Sort(_q);
                    _n[0] = 1;
                    _n[1] = 2;
                    _n[2] = 3;
                    _n[3] = 4;
                    _n[4] = 5;
                }
                return;
            }
            _count++;
            int k;
            if (x < _q[0])
            {
                _q[0] = x;
                k = 0;
            }
            else if (x >= _q[4])
            {
                _q[4] = x;
                k = 3;
            }
            else
            {
                k = 0;
                while (x >= _q[k + 1])
                {
                    k++;
                }
            }
            for (var i = k + 1; i < 5; i++)
            {
                _n[i]++;
            }
            for (var i = 0; i < 5; i++)
            {
                _desired[i] += _increment[i];
            }
            for (var i = 1; i <= 3; i++)
            {
                var d = _desired[i] - _n[i];
                if ((d >= 1 && _n[i + 1] - _n[i] > 1) || (d <= -1 && _n[i - 1] - _n[i] < -1))
                {
                    var s = Math.Sign(d);
                    var parabolic = _q[i] + (s / (_n[i + 1] - _n[i - 1]) * (((_n[i] - _n[i - 1] + s) * (_q[i + 1] - _q[i]) / (_n[i + 1] - _n[i])) + ((_n[i + 1] - _n[i] - s) * (_q[i] - _q[i - 1]) / (_n[i] - _n[i - 1]))));
                    _q[i] = _q[i - 1] < parabolic && parabolic < _q[i + 1] ? parabolic : _q[i] + (s * (_q[i + s] - _q[i]) / (_n[i + s] - _n[i]));
                    _n[i] += s;
                }
            }
        }

        public (double Height, double Position) Marker(int i) => (_q[i], _n[i]);

        public double Estimate()
        {
            if (_count >= 5)
            {
                return _q[2];
            }
            var sorted = _q[.._count];
            Array.Sort(sorted);
            var h = (_count - 1) * p;
            var lower = (int)Math.Floor(h);
            return lower + 1 < _count ? sorted[lower] + ((h - lower) * (sorted[lower + 1] - sorted[lower])) : sorted[lower];
        }
    }
}
