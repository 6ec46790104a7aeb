#include "feedback/text.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/json.h"

namespace sqm::feedback {

namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::int64_t Occurrences(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return 0;
  std::int64_t n = 0;
  for (auto at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

const std::set<std::string, std::less<>>& StopWords() {
  static const std::set<std::string, std::less<>> words = {
      "a",    "about", "after", "all",   "also",  "am",   "an",    "and",  "any",  "are",  "as",    "at",  "be",
      "been", "but",   "by",    "can",   "could", "did",  "do",    "does", "for",  "from", "had",   "has", "have",
      "he",   "her",   "him",   "his",   "how",   "i",    "if",    "in",   "into", "is",   "it",    "its", "just",
      "me",   "more",  "my",    "no",    "not",   "of",   "on",    "or",   "our",  "out",  "she",   "so",  "some",
      "than", "that",  "the",   "their", "them",  "then", "there", "they", "this", "to",   "too",   "up",  "us",
      "very", "was",   "we",    "were",  "what",  "when", "which", "who",  "will", "with", "would", "you", "your"};
  return words;
}

}  // namespace

std::vector<Topic> DefaultTopics() {
  return {
      {"attitude",
       {"服务态度", "Attitude"},
       {"态度", "热情", "耐心", "礼貌", "attitude", "rude", "polite", "friendly"}},
      {"speed", {"处理速度", "Speed"}, {"速度", "及时", "慢", "等待", "speed", "slow", "quick", "fast", "wait"}},
      {"expertise", {"专业能力", "Expertise"}, {"专业", "技术", "经验", "expertise", "professional", "skill"}},
      {"fees", {"收费", "Fees"}, {"收费", "费用", "价格", "fee", "price", "charge", "cost"}},
      {"environment", {"环境", "Environment"}, {"环境", "卫生", "排队", "environment", "clean", "queue"}},
      {"communication", {"沟通", "Communication"}, {"沟通", "解释", "回访", "communication", "explain", "call back"}},
      {"outcome", {"处理结果", "Outcome"}, {"解决", "结果", "未解决", "solved", "resolved", "outcome", "fixed"}},
  };
}

Status CheckTopics(const std::vector<Topic>& topics) {
  Problems p;
  if (topics.size() > kMaxTopics) {
    p.Add("topics", Msg("topics.too_many", "at most {max} topics", {{"max", std::to_string(kMaxTopics)}}));
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < topics.size() && i < kMaxTopics; ++i) {
    const Topic& t = topics[i];
    const std::string at = "topics[" + std::to_string(i) + "]";
    const bool identifier = !t.key.empty() && t.key.size() <= 40 && std::all_of(t.key.begin(), t.key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!identifier) {
      p.Add(at + ".key", Msg("topics.bad_key", "must be 1 to 40 lower-case letters, digits or _"));
    } else if (!keys.insert(t.key).second) {
      p.Add(at + ".key", Msg("topics.key_twice", "another topic has this key"));
    }
    for (auto [field, text] : {std::pair{".label.zh", &t.label.zh}, std::pair{".label.en", &t.label.en}}) {
      if (text->empty() || json::CodePoints(*text) > 100) {
        p.Add(at + field, Msg("topics.bad_label", "must be 1 to 100 characters"));
      }
    }
    if (t.keywords.empty() || t.keywords.size() > kMaxKeywords) {
      p.Add(at + ".keywords",
            Msg("topics.bad_keywords", "must list 1 to {max} keywords", {{"max", std::to_string(kMaxKeywords)}}));
    }
    std::set<std::string> seen;
    for (std::size_t k = 0; k < t.keywords.size() && k < kMaxKeywords; ++k) {
      const auto& w = t.keywords[k];
      const std::string f = at + ".keywords[" + std::to_string(k) + "]";
      if (w.empty() || json::CodePoints(w) > kMaxKeywordChars) {
        p.Add(f,
              Msg("topics.bad_keyword", "must be 1 to {max} characters", {{"max", std::to_string(kMaxKeywordChars)}}));
      } else if (!seen.insert(LowerAscii(w)).second) {
        p.Add(f, Msg("topics.keyword_twice", "is listed twice"));
      }
    }
  }
  if (auto e = p.Take()) return *e;
  return {};
}

std::vector<std::string> TopicsOf(const std::vector<Topic>& topics, std::string_view text) {
  const std::string lower = LowerAscii(text);
  std::vector<std::string> out;
  for (const auto& t : topics) {
    if (std::any_of(t.keywords.begin(), t.keywords.end(), [&](const std::string& k) {
          return !k.empty() && lower.find(LowerAscii(k)) != std::string::npos;
        })) {
      out.push_back(t.key);
    }
  }
  return out;
}

std::vector<WordCount> WordFrequency(const std::vector<Topic>& topics, const std::vector<std::string>& texts,
                                     std::size_t limit) {
  std::map<std::string, WordCount> counts;
  std::set<std::string> keywords;
  for (const auto& t : topics) {
    for (const auto& k : t.keywords) {
      if (!k.empty()) keywords.insert(LowerAscii(k));
    }
  }
  for (const auto& raw : texts) {
    const std::string text = LowerAscii(raw);
    for (const auto& k : keywords) {
      if (auto n = Occurrences(text, k)) {
        auto& c = counts[k];
        c.word = k;
        c.count += n;
        c.keyword = true;
      }
    }
    for (std::size_t i = 0; i < text.size();) {
      if (!IsWordChar(text[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < text.size() && IsWordChar(text[j])) ++j;
      const std::string w = text.substr(i, j - i);
      i = j;
      if (w.size() < 2 || StopWords().contains(w) || keywords.contains(w)) continue;
      auto& c = counts[w];
      c.word = w;
      ++c.count;
    }
  }
  std::vector<WordCount> out;
  out.reserve(counts.size());
  for (auto& [w, c] : counts) out.push_back(std::move(c));
  std::sort(out.begin(), out.end(), [](const WordCount& a, const WordCount& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.word < b.word;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace sqm::feedback
