from .fields import Audience, Level, Licence, ResourceFormat, ResourceLanguage
from .media import AudioDescription, LearningMedia, SignLanguage
from .resources import LearningIndexPage, LearningResourcePage, ResourceFile
from .toolkits import ToolkitIndexPage, ToolkitMember, ToolkitPage

__all__ = [
    "Audience",
    "AudioDescription",
    "LearningIndexPage",
    "LearningMedia",
    "LearningResourcePage",
    "Level",
    "Licence",
    "ResourceFile",
    "ResourceFormat",
    "ResourceLanguage",
    "SignLanguage",
    "ToolkitIndexPage",
    "ToolkitMember",
    "ToolkitPage",
]
