// Topic tagging, word frequency and the dictionary's checks (feedback/text.h).
#include "feedback/text.h"

#include <gtest/gtest.h>

namespace sqm::feedback {
namespace {

TEST(Topics, TagChineseBySubstringAndLatinCaseInsensitively) {
  const auto topics = DefaultTopics();
  EXPECT_EQ(TopicsOf(topics, "工作人员态度很好，但是收费太贵"), (std::vector<std::string>{"attitude", "fees"}));
  EXPECT_EQ(TopicsOf(topics, "Very RUDE staff, and the FEES were high"),
            (std::vector<std::string>{"attitude", "fees"}));
  EXPECT_TRUE(TopicsOf(topics, "一般").empty());
  // An edited dictionary tags at once.
  auto edited = topics;
  edited.push_back({"parking", {"停车", "Parking"}, {"停车", "parking"}});
  EXPECT_EQ(TopicsOf(edited, "停车不方便"), (std::vector<std::string>{"parking"}));
}

TEST(Topics, WordFrequencyCountsKeywordsAndLatinWordsWithoutStopWords) {
  const std::vector<Topic> topics = {{"attitude", {"态度", "Attitude"}, {"态度", "rude"}}};
  const auto words = WordFrequency(
      topics,
      {"态度好，态度真的好", "The staff was rude and the wait was long", "rude staff", "<script>alert(1)</script>"},
      10);
  ASSERT_GE(words.size(), 4u);
  EXPECT_EQ(words[0].word, "rude");  // 2, a keyword; "staff" 2 too: keywords and words tie alphabetically
  EXPECT_EQ(words[0].count, 2);
  EXPECT_TRUE(words[0].keyword);
  EXPECT_EQ(words[1].word, "script");  // twice in the markup: counted as text, never run
  EXPECT_EQ(words[2].word, "staff");
  EXPECT_EQ(words[2].count, 2);
  EXPECT_FALSE(words[2].keyword);
  const auto zh = std::find_if(words.begin(), words.end(), [](const WordCount& w) { return w.word == "态度"; });
  ASSERT_NE(zh, words.end());
  EXPECT_EQ(zh->count, 2);
  for (const auto& w : words) {
    EXPECT_NE(w.word, "the");
    EXPECT_NE(w.word, "was");
  }
}

TEST(Topics, EveryProblemOfADictionaryAtOnce) {
  std::vector<Topic> topics = {
      {"Bad Key", {"", "x"}, {}}, {"ok", {"好", "ok"}, {"a", "A", ""}}, {"ok", {"好", "ok"}, {"b"}}};
  auto st = CheckTopics(topics);
  ASSERT_FALSE(st.ok());
  std::vector<std::string> fields{st.error().field};
  for (const auto& m : st.error().more) fields.push_back(m.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"topics[0].key", "topics[0].label.zh", "topics[0].keywords",
                                              "topics[1].keywords[1]", "topics[1].keywords[2]", "topics[2].key"}));
  EXPECT_TRUE(CheckTopics(DefaultTopics()).ok());
}

}  // namespace
}  // namespace sqm::feedback
