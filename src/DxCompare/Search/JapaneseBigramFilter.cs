using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace DxCompare.Search;

/// <summary>
/// Lucene's <see cref="CJKBigramFilter"/> for all four CJK scripts, token for token (terms, types, offsets, position
/// increments and lengths; a test holds it to Lucene's on random and real text): a run of CJK characters whose tokens
/// touch becomes overlapping bigrams, with each character also as a unigram when <c>outputUnigrams</c> is
/// set (a run of one character is always a unigram); other tokens pass unchanged.
/// <para>
/// Lucene's filter has to read one token past the end of a run, and keeps that token with <c>CaptureState</c>, which
/// clones every attribute: in Japanese text, once per punctuation mark. That clone was half of indexing 19,500
/// initiatives. This filter keeps the token's five attributes (term, type, offsets, position increment and length:
/// all the analysis chain sets) in reused fields instead.
/// </para>
/// </summary>
public sealed class JapaneseBigramFilter : TokenFilter
{
    private static readonly string Han = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];
    private static readonly string Hiragana = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA];
    private static readonly string Katakana = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA];
    private static readonly string Hangul = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL];

    private readonly bool _outputUnigrams;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IPositionLengthAttribute _length;

    // The current run: its code points with their offsets, and what has been emitted of it.
    private int[] _codePoints = new int[16], _starts = new int[16], _ends = new int[16];
    private int _runLength, _next;
    private bool _bigramNext, _runClosed;
    private int _lastEnd;

    // The token read past the end of a run, emitted (or started as the next run) once the run is out.
    private char[] _heldTerm = new char[16];
    private int _heldTermLength, _heldStart, _heldEnd, _heldIncrement, _heldLength;
    private string? _heldType;
    private bool _holding, _exhausted;

    public JapaneseBigramFilter(TokenStream input, bool outputUnigrams) : base(input)
    {
        _outputUnigrams = outputUnigrams;
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _length = AddAttribute<IPositionLengthAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            if (EmitFromRun()) return true;
            if (_holding)
            {
                _holding = false;
                Restore();
            }
            else if (_exhausted || !m_input.IncrementToken())
            {
                _exhausted = true;
                if (_runLength == 0) return false;
                _runClosed = true;
                continue;
            }

            var type = _type.Type;
            if (type == Han || type == Hiragana || type == Katakana || type == Hangul)
            {
                if (_runLength > 0 && _offset.StartOffset != _lastEnd)
                {
                    Hold();
                    _runClosed = true;
                    continue;
                }
                Append();
            }
            else if (_runLength > 0)
            {
                Hold();
                _runClosed = true;
            }
            else
            {
                return true;
            }
        }
    }

    /// <summary>
    /// The run's next token, if one can be told already: a bigram needs the character after it; the last character's
    /// unigram (or a run of one) waits until the run is closed.
    /// </summary>
    private bool EmitFromRun()
    {
        var left = _runLength - _next;
        if (left >= 2)
        {
            if (_outputUnigrams && !_bigramNext) Unigram(_next);
            else Bigram(_next++);
            if (_outputUnigrams) _bigramNext = !_bigramNext;
            return true;
        }
        if (!_runClosed) return false;
        var lastUnigram = left == 1 && (_outputUnigrams || _runLength == 1);
        if (lastUnigram) Unigram(_next);
        _runLength = _next = 0;
        _bigramNext = _runClosed = false;
        return lastUnigram;
    }

    private void Unigram(int at)
    {
        ClearAttributes();
        _term.Length = Character(_codePoints[at], _term.ResizeBuffer(2), 0);
        _offset.SetOffset(_starts[at], _ends[at]);
        _type.Type = CJKBigramFilter.SINGLE_TYPE;
    }

    private void Bigram(int at)
    {
        ClearAttributes();
        var buffer = _term.ResizeBuffer(4);
        var first = Character(_codePoints[at], buffer, 0);
        _term.Length = first + Character(_codePoints[at + 1], buffer, first);
        _offset.SetOffset(_starts[at], _ends[at + 1]);
        _type.Type = CJKBigramFilter.DOUBLE_TYPE;
        if (_outputUnigrams)
        {
            _increment.PositionIncrement = 0;
            _length.PositionLength = 2;
        }
    }

    /// <summary>Writes a code point (or a lone surrogate, kept as it came) and returns its length in chars.</summary>
    private static int Character(int codePoint, char[] buffer, int at)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            buffer[at] = (char)codePoint;
            return 1;
        }
        return new Rune(codePoint).EncodeToUtf16(buffer.AsSpan(at));
    }

    /// <summary>Adds the current token's characters to the run. A token whose offsets do not span its text (a char filter changed it) gives each character the token's offsets.</summary>
    private void Append()
    {
        var text = _term.Buffer.AsSpan(0, _term.Length);
        var start = _offset.StartOffset;
        var end = _offset.EndOffset;
        var spans = end - start == text.Length;
        if (_runLength + text.Length > _codePoints.Length)
        {
            var size = Math.Max(_codePoints.Length * 2, _runLength + text.Length);
            Array.Resize(ref _codePoints, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text[i..], out var rune, out var used);
            // A lone surrogate counts as one character, as Java's codePointAt reads it.
            var codePoint = used == 1 && char.IsSurrogate(text[i]) ? text[i] : rune.Value;
            _codePoints[_runLength] = codePoint;
            _starts[_runLength] = spans ? start + i : start;
            _ends[_runLength] = spans ? start + i + used : end;
            _runLength++;
            i += used;
        }
        _lastEnd = end;
    }

    private void Hold()
    {
        _holding = true;
        if (_heldTerm.Length < _term.Length) _heldTerm = new char[Math.Max(_term.Length, _heldTerm.Length * 2)];
        _term.Buffer.AsSpan(0, _term.Length).CopyTo(_heldTerm);
        _heldTermLength = _term.Length;
        _heldStart = _offset.StartOffset;
        _heldEnd = _offset.EndOffset;
        _heldType = _type.Type;
        _heldIncrement = _increment.PositionIncrement;
        _heldLength = _length.PositionLength;
    }

    private void Restore()
    {
        ClearAttributes();
        _term.CopyBuffer(_heldTerm, 0, _heldTermLength);
        _offset.SetOffset(_heldStart, _heldEnd);
        _type.Type = _heldType;
        _increment.PositionIncrement = _heldIncrement;
        _length.PositionLength = _heldLength;
    }

    public override void Reset()
    {
        base.Reset();
        _runLength = _next = _lastEnd = 0;
        _bigramNext = _runClosed = _holding = _exhausted = false;
    }
}
