import pytest

from tests.conftest import translate_tree

from .factories import DirectoryPageFactory


@pytest.fixture
def directory(region):
    """A directory page in the first village (Länkipohja) and one at region level."""
    village = DirectoryPageFactory(parent=region.villages[0])
    regional = DirectoryPageFactory(parent=region.home, title="Palveluhakemisto", slug="palvelut")
    return village, regional


@pytest.fixture
def translated_directory(directory, region):
    translate_tree(region.home)
    return directory
