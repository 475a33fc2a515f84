package org.baomi.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.baomi.shared.SecretLevel;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The menu bar's grouping, visibility (ACC-1) and current page, without Spring: contributions of made-up
 * modules, a person holding made-up permissions.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NavigationTest {

    private static final MenuContributor MODULE = () -> List.of(
            new MenuEntry(MenuArea.APPROVALS, "t.inbox", "/approvals", "inbox", "t:inbox:read", 10),
            new MenuEntry(MenuArea.APPROVALS, "t.mine", "/approvals?box=MINE", "envelope", null, 20),
            new MenuEntry(MenuArea.ACCESS, "t.secret", "/access/secret", "lock", "t:secret:read", 10),
            new MenuEntry(MenuArea.CLASSIFICATION, "t.guide", "/classification", "book", null, 20),
            new MenuEntry(MenuArea.CLASSIFICATION, "t.designations", "/classification/designations", "person",
                    "t:designation:manage", 10));

    private static StaffPrincipal holding(String... permissions) {
        return new StaffPrincipal(1, "T1", "Test", 1L, "Dept", SecretLevel.INTERNAL, null, Set.of(permissions), false);
    }

    private static Navigation navigationFor(StaffPrincipal person, MenuContributor... contributors) {
        CurrentUser current = new CurrentUser() {
            @Override
            public Optional<StaffPrincipal> principal() {
                return Optional.ofNullable(person);
            }

            @Override
            public StaffPrincipal require() {
                return principal().orElseThrow();
            }
        };
        return new Navigation(current, List.of(contributors));
    }

    private static List<String> paths(MenuGroup group) {
        return group.entries().stream().map(MenuEntry::path).toList();
    }

    @Test
    void areas_come_in_their_order_with_their_entries_in_order_and_an_area_without_a_visible_entry_is_left_out() {
        List<MenuGroup> menu = navigationFor(holding("t:inbox:read", "t:designation:manage"), MODULE).menu();

        assertThat(menu).extracting(MenuGroup::area).containsExactly(MenuArea.HOME, MenuArea.APPROVALS,
                MenuArea.CLASSIFICATION, MenuArea.MY_ACCOUNT);
        assertThat(paths(menu.get(1))).containsExactly("/approvals", "/approvals?box=MINE");
        assertThat(paths(menu.get(2))).containsExactly("/classification/designations", "/classification");
        assertThat(menu).noneMatch(MenuGroup::active);
    }

    @Test
    void an_area_of_one_visible_entry_is_single_and_one_of_several_is_not() {
        List<MenuGroup> menu = navigationFor(holding(), MODULE).menu();

        assertThat(menu).extracting(MenuGroup::area).containsExactly(MenuArea.HOME, MenuArea.APPROVALS,
                MenuArea.CLASSIFICATION, MenuArea.MY_ACCOUNT);
        assertThat(menu).allMatch(MenuGroup::single);
        assertThat(navigationFor(holding("t:inbox:read"), MODULE).menu().get(1).single()).isFalse();
    }

    @Test
    void the_page_marks_the_entry_with_the_longest_path_it_lies_under_and_only_that_entry_s_area() {
        Navigation navigation = navigationFor(holding("t:inbox:read", "t:designation:manage", "t:secret:read"),
                MODULE);

        assertThat(currentPath(navigation, "/classification/designations/7", null))
                .isEqualTo("/classification/designations");
        assertThat(currentPath(navigation, "/classification", "lang=en")).isEqualTo("/classification");
        assertThat(currentPath(navigation, "/approvals", "box=MINE&page=2")).isEqualTo("/approvals?box=MINE");
        assertThat(currentPath(navigation, "/approvals", "box=DECIDED")).isEqualTo("/approvals");
        assertThat(currentPath(navigation, "/approvals/42", null)).isEqualTo("/approvals");
        assertThat(currentPath(navigation, "/", null)).isEqualTo("/");
        assertThat(currentPath(navigation, "/classificationx", null)).isNull();
        assertThat(currentPath(navigation, "/iam/accounts", null)).isNull();

        List<MenuGroup> menu = navigation.menuAt("/access/secret", null);
        assertThat(menu).filteredOn(MenuGroup::active).extracting(MenuGroup::area).containsExactly(MenuArea.ACCESS);
    }

    @Test
    void an_entry_the_person_may_not_see_is_never_current() {
        Navigation navigation = navigationFor(holding(), MODULE);

        assertThat(currentPath(navigation, "/classification/designations", null)).isEqualTo("/classification");
        assertThat(currentPath(navigation, "/approvals", null)).isNull();
    }

    @Test
    void nobody_signed_in_has_no_menu() {
        assertThat(navigationFor(null, MODULE).menuAt("/", null)).isEmpty();
    }

    @Test
    void a_screen_contributed_twice_stops_the_start_rather_than_showing_twice() {
        MenuContributor again = () -> List.of(
                new MenuEntry(MenuArea.AUDIT, "t.again", "/classification", "book", null, 10));

        assertThatThrownBy(() -> navigationFor(holding(), MODULE, again))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/classification");
    }

    private static String currentPath(Navigation navigation, String path, String query) {
        return navigation.menuAt(path, query).stream().filter(MenuGroup::active).map(g -> g.current().path())
                .findFirst().orElse(null);
    }
}
